/**
 * Automatic replies: whether a message may have one ({@link org.supportgate.ticketing.reply.AutoReplyRules},
 * RFC 3834 and backscatter rules, pure), whether the recipient's budget allows one now
 * ({@link org.supportgate.ticketing.reply.ReplyBudget}: one acknowledgement per thread, a cap per
 * address per window, a ping-pong breaker), and the hook that writes it
 * ({@link org.supportgate.ticketing.reply.ReplyComposer}).
 *
 * <p>SECURITY: every input is the sender's header text; rules compare bounded, lower-cased tokens
 * and never use regular expressions. An unauthenticated sender gets no reply (no backscatter).
 *
 * <p>DIAGNOSTICS: each "no" is a {@link org.supportgate.ticketing.reply.NoReplyReason} with the
 * text that triggered it; a tripped breaker is a row in {@code reply_breaker} with its reason.
 */
package org.supportgate.ticketing.reply;
