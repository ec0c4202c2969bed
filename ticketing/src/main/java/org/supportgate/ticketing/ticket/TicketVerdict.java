package org.supportgate.ticketing.ticket;

import java.util.List;
import java.util.Locale;
import org.supportgate.ticketing.reply.ReplyDecision;

/**
 * The {@code verdict} of {@code GET /api/messages/{id}} for a message that became part of a ticket:
 * {@code {"kind": "ticket", "ticket": "SG-…", "created": true, ...}}.
 *
 * @param how opened, joined_by_reference, joined_by_subject_tag or replayed
 * @param reply {@code queued} when an acknowledgement went to the outbox, else {@code held}
 * @param replyHeldBecause the rule that held the reply back (lower case), or null when queued
 * @param refusedTickets tickets the message named but was not allowed to join
 */
public record TicketVerdict(String kind, String ticket, boolean created, String how, String reply,
        String replyHeldBecause, List<String> refusedTickets) {

    public TicketVerdict {
        refusedTickets = List.copyOf(refusedTickets);
    }

    public static TicketVerdict of(TicketOutcome outcome) {
        String held = switch (outcome.reply()) {
            case ReplyDecision.Reply r -> null;
            case ReplyDecision.NoReply no -> no.reason().name().toLowerCase(Locale.ROOT);
        };
        return new TicketVerdict("ticket", outcome.ticketNumber(), outcome.created(),
                outcome.how().name().toLowerCase(Locale.ROOT), held == null ? "queued" : "held", held,
                outcome.refusals().stream().map(r -> r.ticket().number()).distinct().toList());
    }
}
