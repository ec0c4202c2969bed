package org.supportgate.auth;

import java.net.InetAddress;

/**
 * What the SMTP session told us about a message: the connecting address, the HELO/EHLO name and
 * the MAIL FROM reverse-path (empty for the null sender).
 */
public record SessionFacts(InetAddress clientIp, String helo, String mailFrom) {

    public SessionFacts {
        helo = helo == null ? "" : helo;
        mailFrom = mailFrom == null ? "" : mailFrom;
    }
}
