/**
 * Tickets and their threads: numbers, messages, attachments, and the matching of replies to the
 * ticket they continue.
 *
 * <p>The intake calls {@link org.supportgate.ticketing.ticket.Tickets#openOrJoin} with an
 * {@link org.supportgate.ticketing.ticket.InboundRequest}; threading is the pure
 * {@link org.supportgate.ticketing.ticket.ThreadMatcher}, numbers come from
 * {@link org.supportgate.ticketing.ticket.TicketNumbers}.
 *
 * <p>SECURITY: subjects, references and names are the sender's text. A ticket tag or one of our
 * Message-IDs is a hint, never a key: a message joins a ticket only when its sender is a
 * participant and authenticates as well as the ticket requires; otherwise it opens a new ticket
 * and the attempt is kept in {@code thread_refusal}. Subject tags are read by a linear hand-written
 * scan, reference chains are cut at 20 ids. Ticket numbers are random, so one does not reveal
 * others, and path input is checked for shape before it reaches SQL.
 *
 * <p>DIAGNOSTICS: {@code openOrJoin} is one transaction; any failure rolls all of it back and the
 * intake defers the message. Replaying a spool id returns the ticket it already joined.
 */
package org.supportgate.ticketing.ticket;
