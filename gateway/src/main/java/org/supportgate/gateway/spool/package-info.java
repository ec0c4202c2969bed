/**
 * The spool: the {@code inbound_message} table that holds every accepted message, exactly as
 * received, until the intake has dealt with it.
 *
 * <p>{@link org.supportgate.gateway.spool.SpoolWriter} commits SMTP sessions' messages in groups
 * (one fsync for many sessions) and answers each session only once its row is durable.
 * {@link org.supportgate.gateway.spool.SpoolStore} hands rows to intake workers with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so any number of daemons can share one database and
 * a worker that dies mid-message gives its rows back when the lease runs out.
 *
 * <p>SECURITY: the raw bytes are untrusted and stored as bytes, never interpreted here.
 *
 * <p>DIAGNOSTICS: a failed commit fails every session of its group with
 * {@link org.supportgate.gateway.spool.SpoolUnavailableException} (the listener answers 451).
 * A row's {@code last_error} keeps why it was deferred or is dead.
 */
package org.supportgate.gateway.spool;
