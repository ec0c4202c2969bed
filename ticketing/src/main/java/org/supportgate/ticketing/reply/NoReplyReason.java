package org.supportgate.ticketing.reply;

/** Why no automatic reply goes out; each is one rule of RFC 3834 or of our own budget. */
public enum NoReplyReason {
    /** MAIL FROM was the null reverse-path (a bounce or another automatic message). */
    NULL_SENDER,
    /** The From address is not one a reply could go to (no domain, spaces, control characters). */
    UNUSABLE_ADDRESS,
    /** The sender is MAILER-DAEMON. */
    MAILER_DAEMON,
    /** The sender is postmaster. */
    POSTMASTER,
    /** The sender is a noreply-style or list-administration address (noreply, owner-*, *-request). */
    NOREPLY_ADDRESS,
    /** Auto-Submitted has a value other than {@code no}. */
    AUTO_SUBMITTED,
    /** Precedence is bulk, list or junk. */
    PRECEDENCE,
    /** The message came through a mailing list (List-Id). */
    LIST_ID,
    /** The message offers List-Unsubscribe (bulk or list mail). */
    LIST_UNSUBSCRIBE,
    /** X-Auto-Response-Suppress asks for no automatic replies. */
    AUTO_RESPONSE_SUPPRESSED,
    /** The message carries our own loop header: it is ours, coming back. */
    OUR_LOOP_HEADER,
    /** The sender is one of our own mailboxes. */
    OUR_OWN_MAILBOX,
    /** The sender's authentication failed; a reply would be backscatter to a forged address. */
    SENDER_NOT_AUTHENTICATED,
    /** This thread has had its acknowledgement already. */
    THREAD_ALREADY_ACKNOWLEDGED,
    /** The address has had as many automatic replies as the window allows. */
    ADDRESS_CAP_REACHED,
    /** The address ping-pongs with us; the breaker is open. */
    BREAKER_OPEN,
    /** This spooled message was handled before; whatever reply it earned was written then. */
    REPLAYED
}
