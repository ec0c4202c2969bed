package org.supportgate.auth.dkim;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;
import org.supportgate.auth.message.HeaderField;

/**
 * The two canonicalization algorithms of RFC 6376 section 3.4, for header fields and for the body.
 * Header text is ISO-8859-1 (one char per octet) so that 8-bit octets pass through unchanged.
 */
public enum Canonicalization {
    SIMPLE,
    RELAXED;

    /** The algorithm named in a c= tag half ("simple" or "relaxed"), case-sensitive as RFC 6376 says. */
    public static Optional<Canonicalization> named(String name) {
        return switch (name) {
            case "simple" -> Optional.of(SIMPLE);
            case "relaxed" -> Optional.of(RELAXED);
            default -> Optional.empty();
        };
    }

    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The canonical form of one header field, ending with CRLF. */
    public String header(HeaderField field) {
        return switch (this) {
            case SIMPLE -> field.raw() + "\r\n";
            case RELAXED -> relaxedHeader(field.name(), field.value()) + "\r\n";
        };
    }

    private static String relaxedHeader(String name, String value) {
        StringBuilder out = new StringBuilder(name.length() + value.length());
        out.append(TagList.stripFws(name).toLowerCase(Locale.ROOT)).append(':');
        // Unfold (drop CR and LF), fold every WSP run into one space, then trim both ends.
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (TagList.isWsp(c)) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
            started = true;
        }
        return out.toString();
    }

    /** The canonical body (CRLF line ends in, CRLF line ends out). */
    public byte[] body(byte[] body) {
        return switch (this) {
            case SIMPLE -> simpleBody(body);
            case RELAXED -> relaxedBody(body);
        };
    }

    /** Trailing empty lines go; a body that is empty or lacks a final CRLF gets one. */
    private static byte[] simpleBody(byte[] body) {
        int end = contentEnd(body, body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end + 2);
        out.write(body, 0, end);
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Trailing WSP on each line goes, inner WSP runs become one space, trailing empty lines go; an
     * empty body stays empty (RFC 6376 erratum 1384) and a last line without CRLF gets one.
     */
    private static byte[] relaxedBody(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 2);
        int pos = 0;
        while (pos < body.length) {
            int eol = pos;
            while (eol < body.length && !(body[eol] == '\r' && eol + 1 < body.length && body[eol + 1] == '\n')) {
                eol++;
            }
            boolean pendingSpace = false;
            for (int i = pos; i < eol; i++) {
                byte b = body[i];
                if (b == ' ' || b == '\t') {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace) {
                    out.write(' ');
                    pendingSpace = false;
                }
                out.write(b);
            }
            out.write('\r');
            out.write('\n');
            pos = eol + 2;
        }
        byte[] lines = out.toByteArray();
        int end = contentEnd(lines, lines.length);
        if (end == 0) {
            return new byte[0];
        }
        byte[] result = new byte[end + 2];
        System.arraycopy(lines, 0, result, 0, end);
        result[end] = '\r';
        result[end + 1] = '\n';
        return result;
    }

    /**
     * The length of the body without its final line end and trailing empty lines: the index after
     * the last octet that is not part of a trailing run of CRLFs.
     */
    private static int contentEnd(byte[] b, int length) {
        int end = length;
        while (end >= 2 && b[end - 2] == '\r' && b[end - 1] == '\n') {
            end -= 2;
        }
        return end;
    }
}
