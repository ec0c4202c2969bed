package org.supportgate.ticketing.ticket;

import java.util.List;
import org.supportgate.ticketing.reply.ReplyDecision;

/**
 * What {@link Tickets#openOrJoin} did with a message.
 *
 * @param refusals tickets the message named but may not join (recorded in {@code thread_refusal})
 * @param reply whether an acknowledgement was written to the outbox, or why not
 */
public record TicketOutcome(String ticketNumber, long ticketId, How how, List<ThreadMatch.Refusal> refusals,
        ReplyDecision reply) {

    /** How the message came to this ticket. */
    public enum How { OPENED, JOINED_BY_REFERENCE, JOINED_BY_SUBJECT_TAG, REPLAYED }

    public TicketOutcome {
        refusals = List.copyOf(refusals);
    }

    /** True when this message opened the ticket (the API's {@code "created": true}). */
    public boolean created() {
        return how == How.OPENED;
    }
}
