package org.supportgate.gateway.spool;

import java.time.Instant;
import java.util.List;

/**
 * The SMTP session's facts about one message.
 *
 * @param clientIp the connecting address, as text
 * @param helo the HELO/EHLO argument, or null if the client sent none
 * @param mailFrom the reverse-path, empty for the null sender
 * @param rcptTo the accepted recipients, in the order given
 * @param tlsProtocol the TLS protocol when STARTTLS was used, else null
 * @param tlsCipher the TLS cipher suite when STARTTLS was used, else null
 * @param receivedAt when the end of DATA was read
 */
public record Envelope(
        String clientIp,
        String helo,
        String mailFrom,
        List<String> rcptTo,
        String tlsProtocol,
        String tlsCipher,
        Instant receivedAt) {

    public Envelope {
        rcptTo = List.copyOf(rcptTo);
    }
}
