package org.supportgate.ticketing.reply;

import java.util.Locale;

/** What an outgoing message is: the new-ticket acknowledgement, a staff reply, a notice. */
public enum ReplyKind {
    ACK, REPLY, NOTICE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
