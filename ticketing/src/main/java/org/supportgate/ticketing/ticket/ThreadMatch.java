package org.supportgate.ticketing.ticket;

import java.util.List;

/** Where an inbound message belongs: an existing ticket it may join, or a new one. */
public sealed interface ThreadMatch {

    /** How the message named the ticket it joins. */
    enum Via { REFERENCE, SUBJECT_TAG }

    /** Why a ticket the message named would not take it. */
    enum RefusalReason {
        /** The sender is neither the requester nor a contact of the ticket's partner. */
        NOT_A_PARTICIPANT,
        /** The message authenticates less well than the ticket requires. */
        ASSURANCE_TOO_LOW,
        /** The ticket is closed; a new message starts a new ticket. */
        TICKET_CLOSED
    }

    /** A ticket the message named and may not join, and why (recorded, never silently dropped). */
    record Refusal(TicketFacts ticket, Via via, RefusalReason reason) {}

    /** The message joins this ticket; {@code refusals} lists other tickets it named in vain. */
    record Join(TicketFacts ticket, Via via, List<Refusal> refusals) implements ThreadMatch {
        public Join {
            refusals = List.copyOf(refusals);
        }
    }

    /** The message starts a new ticket. */
    record NewThread(List<Refusal> refusals) implements ThreadMatch {
        public NewThread {
            refusals = List.copyOf(refusals);
        }
    }

    List<Refusal> refusals();
}
