package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

/**
 * What threading needs to know about an existing ticket.
 *
 * @param partnerId the partner the ticket belongs to, or null when the requester was not identified
 * @param requiredAssurance what a message must reach to join the ticket
 */
public record TicketFacts(long id, String number, String requester, String partnerId, TicketStatus status,
        Assurance requiredAssurance) {}
