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
 *   <li>{@code quarantine}: requests we refuse to act on, their evidence, staff decisions and
 *       refusal notices; the intake's entry point is {@code Quarantine.hold}.
 *   <li>{@code partner}, {@code audit}: the partner directory and the append-only audit trail.
 * </ul>
 *
 * <p>The schema is {@code db/migration/V10__tickets.sql}, {@code V20__partners.sql} and
 * {@code V30__quarantine.sql} (V30 to V39 are the quarantine's).
 */
package org.supportgate.ticketing;
