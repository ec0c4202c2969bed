/**
 * Partners and contacts, tickets and threads, quarantine, support codes, escalations, outbox and
 * audit: their entities, repositories and the services that change them.
 *
 * <ul>
 *   <li>{@code ticket}: tickets, their messages and attachments, numbers, threading; the intake's
 *       entry point is {@code Tickets.openOrJoin}.
 *   <li>{@code reply}: RFC 3834 reply rules, the per-recipient budget and ping-pong breaker, and
 *       the {@code ReplyComposer} hook the gateway implements.
 *   <li>{@code outbox}: the transactional outbox of outgoing mail and the record of bounces.
 * </ul>
 *
 * <p>The schema is {@code db/migration/V10__tickets.sql} (this module owns V10 to V19).
 */
package org.supportgate.ticketing;
