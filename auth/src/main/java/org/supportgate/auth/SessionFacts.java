package org.supportgate.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What the SMTP session told us about a message: the connecting address, the HELO/EHLO name and
 * the MAIL FROM reverse-path (empty for the null sender).
 */
public record SessionFacts(InetAddress clientIp, String helo, String mailFrom) {

    public SessionFacts {
        helo = helo == null ? "" : helo;
        mailFrom = mailFrom == null ? "" : mailFrom;
    }

    /**
     * Session facts with the client address given as text, which must be an IPv4 or IPv6
     * literal: checked first, because {@link InetAddress#getByName} would look a name up in DNS.
     *
     * @throws IllegalArgumentException if the text is not an IP literal
     */
    public static SessionFacts of(String clientIpLiteral, String helo, String mailFrom) {
        boolean literalChars = !clientIpLiteral.isEmpty() && clientIpLiteral.length() <= 45
                && clientIpLiteral.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!literalChars) {
            throw new IllegalArgumentException("not an IP address literal: " + clientIpLiteral);
        }
        try {
            return new SessionFacts(InetAddress.getByName(clientIpLiteral), helo, mailFrom);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + clientIpLiteral, e);
        }
    }
}
