package org.supportgate.gateway.quarantine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.supportgate.ticketing.quarantine.QuarantineItem;
import org.supportgate.ticketing.quarantine.Signal;
import org.supportgate.ticketing.quarantine.Trigger;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/quarantine/{id}}: a held request with its evidence, decisions and notices, enums
 * as lower-case words; {@code raw} is where the message itself is exported from.
 */
record QuarantineView(
        long id,
        String reference,
        String state,
        String spoolId,
        String raw,
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
        JsonNode authentication,
        List<Signal> signals,
        String assurance,
        String requiredAssurance,
        List<String> reasons,
        String textBody,
        List<QuarantineItem.Attachment> attachments,
        int releasesNeeded,
        Instant createdAt,
        Instant decidedAt,
        String ticket,
        List<DecisionView> decisions,
        List<NoticeView> notices) {

    record DecisionView(String staff, String action, String reason, @JsonProperty("notify") boolean noticeRequested,
            Instant decidedAt) {}

    /** @param state {@code queued} when written to the outbox, else {@code held} with the rule */
    record NoticeView(String recipient, String occasion, String state, String heldBecause, Long outboxId,
            Instant createdAt) {}

    /** One line of {@code GET /api/quarantine}. */
    record ListingView(long id, String reference, String state, String spoolId, String fromAddress, String subject,
            String partnerId, boolean sensitive, List<String> categories, List<String> reasons, String assurance,
            String requiredAssurance, Instant createdAt) {

        static ListingView of(QuarantineItem.Listing l) {
            return new ListingView(l.id(), "Q-" + l.id(), l.state().id(), l.spoolId(), l.fromAddress(),
                    emptyToNull(l.subject()), emptyToNull(l.partnerId()), l.sensitive(), l.categories(), l.reasons(),
                    l.assurance().id(), l.requiredAssurance().id(), l.createdAt());
        }
    }

    static QuarantineView of(QuarantineItem item, JsonNode authentication) {
        return new QuarantineView(item.id(), "Q-" + item.id(), item.state().id(), item.spoolId(),
                "/api/messages/" + item.spoolId() + "/raw", item.mailFrom(), item.fromAddress(),
                emptyToNull(item.fromName()), emptyToNull(item.subject()), emptyToNull(item.messageId()),
                emptyToNull(item.partnerId()), item.authenticated(), item.sensitive(), item.categories(), item.triggers(),
                authentication, item.signals(), item.assurance().id(), item.requiredAssurance().id(), item.reasons(),
                item.textBody(), item.attachments(), item.releasesNeeded(), item.createdAt(), item.decidedAt().orElse(null),
                item.ticketNumber().orElse(null),
                item.decisions().stream().map(d -> new DecisionView(d.staff(), d.action().name().toLowerCase(Locale.ROOT),
                        d.reason(), d.noticeRequested(), d.decidedAt())).toList(),
                item.notices().stream().map(n -> new NoticeView(n.recipient(), n.occasion(),
                        n.outboxId().isPresent() ? "queued" : "held", n.heldBecause().orElse(null),
                        n.outboxId().orElse(null), n.createdAt())).toList());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
