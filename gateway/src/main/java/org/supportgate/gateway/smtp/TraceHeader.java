package org.supportgate.gateway.smtp;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.supportgate.gateway.spool.Envelope;

/**
 * Our {@code Received:} field (RFC 5321 section 4.4), stored beside the raw bytes and prepended
 * when the message is exported. Client-supplied values (HELO) are reduced to printable ASCII so the
 * field cannot be broken or extended by them.
 */
final class TraceHeader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private TraceHeader() {}

    static String of(Envelope envelope, String hostname, String queueId) {
        String helo = envelope.helo() == null ? "unknown" : printable(envelope.helo(), 255);
        String with = envelope.tlsProtocol() == null ? "ESMTP" : "ESMTPS";
        StringBuilder field = new StringBuilder("Received: from ")
                .append(helo).append(" ([").append(envelope.clientIp()).append("])\r\n\tby ")
                .append(hostname).append(" (Supportgate) with ").append(with);
        if (envelope.tlsProtocol() != null) {
            field.append(" (").append(printable(envelope.tlsProtocol(), 32)).append(' ')
                    .append(printable(envelope.tlsCipher(), 128)).append(')');
        }
        field.append(" id ").append(queueId);
        if (envelope.rcptTo().size() == 1) {
            field.append("\r\n\tfor <").append(printable(envelope.rcptTo().getFirst(), 320)).append('>');
        }
        field.append("; ").append(DATE.format(ZonedDateTime.ofInstant(envelope.receivedAt(), ZoneOffset.UTC)))
                .append("\r\n");
        return field.toString();
    }

    static String printable(String value, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
        for (int i = 0; i < value.length() && out.length() < maxLength; i++) {
            char c = value.charAt(i);
            out.append(c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != ';' ? c : '?');
        }
        return out.toString();
    }
}
