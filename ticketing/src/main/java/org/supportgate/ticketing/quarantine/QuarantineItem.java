package org.supportgate.ticketing.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportgate.auth.trust.Assurance;

/**
 * A held request with its evidence and history, as staff review it. Text fields are the sender's.
 *
 * @param authenticationJson the authentication results as stored (a JSON object)
 * @param decidedAt when it was released or rejected; empty while pending
 * @param ticketNumber the ticket its release opened or joined; empty unless released
 */
public record QuarantineItem(
        long id,
        String spoolId,
        String mailFrom,
        String fromAddress,
        String fromName,
        String subject,
        String messageId,
        String partnerId,
        boolean authenticated,
        boolean sensitive,
        List<String> categories,
        List<Trigger> triggers,
        String authenticationJson,
        List<Signal> signals,
        Assurance assurance,
        Assurance requiredAssurance,
        List<String> reasons,
        String textBody,
        List<Attachment> attachments,
        QuarantineState state,
        Instant createdAt,
        Optional<Instant> decidedAt,
        Optional<String> ticketNumber,
        List<Decision> decisions,
        List<NoticeRecord> notices) {

    public QuarantineItem {
        categories = List.copyOf(categories);
        triggers = List.copyOf(triggers);
        signals = List.copyOf(signals);
        reasons = List.copyOf(reasons);
        attachments = List.copyOf(attachments);
        decisions = List.copyOf(decisions);
        notices = List.copyOf(notices);
    }

    /** Releases a sensitive item needs from different staff; one for anything else. */
    public int releasesNeeded() {
        return sensitive ? 2 : 1;
    }

    /** An attachment of the held message, as declared and measured (its bytes stay in the store). */
    public record Attachment(String name, String contentType, long size, String sha256) {}

    /** A staff decision. */
    public record Decision(String staff, Action action, String reason, boolean noticeRequested, Instant decidedAt) {}

    /** What a staff member decided. */
    public enum Action { RELEASE, REJECT }

    /**
     * A refusal notice the item caused.
     *
     * @param occasion {@code hold} or {@code reject}
     * @param outboxId the queued message; empty when held back
     * @param heldBecause the rule that held it back; empty when queued
     */
    public record NoticeRecord(String recipient, String occasion, Optional<Long> outboxId, Optional<String> heldBecause,
            Instant createdAt) {}

    /** One line of the list: enough to pick an item to review. */
    public record Listing(long id, String spoolId, String fromAddress, String subject, String partnerId,
            boolean sensitive, List<String> categories, List<String> reasons, Assurance assurance,
            Assurance requiredAssurance, QuarantineState state, Instant createdAt) {

        public Listing {
            categories = List.copyOf(categories);
            reasons = List.copyOf(reasons);
        }
    }
}
