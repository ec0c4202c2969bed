package org.supportgate.auth.results;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Removes from an inbound message the header fields that only we may write, before anything reads
 * them (RFC 8601 section 5): every Authentication-Results field whose authserv-id is ours, and
 * every {@code X-Supportgate-*} field. Everything else, including folding, line endings, other
 * servers' results, ARC-Authentication-Results and the body, is kept byte for byte.
 *
 * <p>An Authentication-Results field whose authserv-id cannot be read (empty, a broken comment or
 * quoted-string) is removed as well: a forgery must not survive by being malformed, and such a
 * field carries nothing a reader could use.
 *
 * <p>Works on raw bytes, never throws on any input, and runs in time linear in the header section.
 * Lines end with LF or CRLF; the header section ends at the first empty line.
 */
public final class AuthenticationResultsStripper {

    private static final String OUR_PREFIX = "x-supportgate-";

    private final String authservId;

    public AuthenticationResultsStripper(String authservId) {
        Optional<String> parsed = AuthservId.of(Grammar.value(authservId));
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("not a usable authserv-id: " + authservId);
        }
        this.authservId = parsed.get();
    }

    /** The message without our fields, and the names (as written) of the fields removed. */
    public record Stripped(byte[] message, List<String> removedFields) {
        public Stripped {
            removedFields = List.copyOf(removedFields);
        }
    }

    public Stripped strip(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length);
        List<String> removed = new ArrayList<>();
        int pos = 0;
        while (pos < message.length && !isEmptyLine(message, pos)) {
            int start = pos;
            pos = lineEnd(message, pos);
            while (pos < message.length && (message[pos] == ' ' || message[pos] == '\t')) {
                pos = lineEnd(message, pos);
            }
            Optional<String> name = fieldName(message, start, pos);
            if (name.isPresent() && shouldRemove(name.get(), value(message, start, pos))) {
                removed.add(name.get());
            } else {
                out.write(message, start, pos - start);
            }
        }
        out.write(message, pos, message.length - pos);
        return new Stripped(out.toByteArray(), removed);
    }

    /**
     * The same decision for a header field already split into name and raw (possibly folded)
     * value, for callers that hold parsed fields.
     */
    public boolean shouldRemove(String name, String rawValue) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith(OUR_PREFIX)) {
            return true;
        }
        if (!lower.equals("authentication-results")) {
            return false;
        }
        return AuthservId.of(rawValue).map(authservId::equals).orElse(true);
    }

    private static boolean isEmptyLine(byte[] m, int pos) {
        return m[pos] == '\n' || (m[pos] == '\r' && pos + 1 < m.length && m[pos + 1] == '\n');
    }

    /** Index after the LF ending the line at {@code pos}, or the end of the input. */
    private static int lineEnd(byte[] m, int pos) {
        for (int i = pos; i < m.length; i++) {
            if (m[i] == '\n') {
                return i + 1;
            }
        }
        return m.length;
    }

    /**
     * The field name: printable US-ASCII up to the colon (RFC 5322 section 2.2), allowing the
     * obsolete whitespace before the colon. Empty when the line is not a header field.
     */
    private static Optional<String> fieldName(byte[] m, int start, int end) {
        int i = start;
        while (i < end && m[i] >= 33 && m[i] <= 126 && m[i] != ':') {
            i++;
        }
        int nameEnd = i;
        while (i < end && (m[i] == ' ' || m[i] == '\t')) {
            i++;
        }
        if (nameEnd == start || i >= end || m[i] != ':') {
            return Optional.empty();
        }
        return Optional.of(new String(m, start, nameEnd - start, StandardCharsets.US_ASCII));
    }

    private static String value(byte[] m, int start, int end) {
        int colon = start;
        while (m[colon] != ':') {
            colon++;
        }
        // ISO-8859-1 maps every byte to one char, so no input can fail to decode.
        return new String(m, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1);
    }
}
