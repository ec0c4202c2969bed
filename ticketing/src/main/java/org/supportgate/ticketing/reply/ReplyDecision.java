package org.supportgate.ticketing.reply;

/** Whether an automatic reply goes out. */
public sealed interface ReplyDecision {

    /** Reply to this address. */
    record Reply(String recipient) implements ReplyDecision {}

    /** No reply, for this reason; {@code detail} quotes what triggered it (for staff). */
    record NoReply(NoReplyReason reason, String detail) implements ReplyDecision {}
}
