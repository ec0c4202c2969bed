/**
 * Outgoing mail: writing our replies ({@link org.supportgate.gateway.mail.OutgoingMessageBuilder},
 * templates from {@code supportgate.mail.templates-dir}), signing them
 * ({@link org.supportgate.gateway.mail.OutgoingSigner}, no-op until auth.dkim provides one),
 * sending the outbox through the relay ({@link org.supportgate.gateway.mail.OutboxWorker}), and
 * recognising bounces to them ({@link org.supportgate.gateway.mail.BounceRecognizer}).
 *
 * <p>SECURITY: subjects and names from inbound mail are cleaned of line breaks and control
 * characters, cut to length and RFC 2047-encoded before they enter a header; Message-IDs we echo
 * keep only printable ASCII. Every message carries {@code Auto-Submitted}, our loop header and
 * {@code X-Auto-Response-Suppress}. The relay password is never logged. Bounce parsing is bounded
 * (size, part count, field count) and uses no regular expressions.
 *
 * <p>DIAGNOSTICS: each outbox row keeps its attempts, last error (the relay's reply or the
 * connection failure) and, once sent, the relay's reply; a 5xx or too many deferrals leave it
 * {@code failed}, visible in {@code GET /api/tickets/{number}}. The worker logs every send,
 * deferral and refusal with the row id and Message-ID.
 */
package org.supportgate.gateway.mail;
