/**
 * The outbox of outgoing mail and the record of bounces to it.
 *
 * <p>{@link org.supportgate.ticketing.outbox.Outbox} rows are written in the transaction of the
 * ticket change that caused them; workers claim them with {@code FOR UPDATE SKIP LOCKED} and a
 * lease, so several daemons on one database send each row once.
 * {@link org.supportgate.ticketing.outbox.Bounces} keeps DSNs about our messages, per recipient.
 *
 * <p>SECURITY: bounce reports are untrusted text; they are cut to bounded lengths before storage
 * and only ever matched against our own Message-IDs and VERP tokens.
 *
 * <p>DIAGNOSTICS: a row's {@code last_error} keeps the last relay reply or connection error; a
 * {@code failed} row keeps the permanent refusal; a {@code sent} row keeps the relay's reply.
 */
package org.supportgate.ticketing.outbox;
