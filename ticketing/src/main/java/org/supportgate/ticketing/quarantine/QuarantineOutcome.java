package org.supportgate.ticketing.quarantine;

import java.util.List;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.ticketing.reply.ReplyDecision;

/**
 * What {@link Quarantine#hold} did.
 *
 * @param replayed the spooled message was held before; nothing new was written
 * @param notices each refusal notice considered: queued for its recipient, or held back and why
 */
public record QuarantineOutcome(long quarantineId, boolean replayed, List<String> categories, List<String> reasons,
        Assurance assurance, Assurance requiredAssurance, List<Notice> notices) {

    public QuarantineOutcome {
        categories = List.copyOf(categories);
        reasons = List.copyOf(reasons);
        notices = List.copyOf(notices);
    }

    /** A notice for one recipient: {@code Reply} when it went to the outbox, else why not. */
    public record Notice(String recipient, ReplyDecision decision) {}
}
