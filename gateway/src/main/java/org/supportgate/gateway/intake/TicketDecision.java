package org.supportgate.gateway.intake;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.supportgate.ticketing.ticket.TicketVerdict;

/**
 * The verdict of a message that became part of a ticket, as {@code GET /api/messages/{id}} shows
 * it: the ticket's verdict fields, with the assurance the request reached and its categories.
 */
record TicketDecision(@JsonUnwrapped TicketVerdict ticket, String assurance, List<String> categories) {}
