package org.supportgate.auth.dkim;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
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
     *
     * <p>One pass over the octets into one array, as this runs over every octet of every signed
     * message. A WSP run is held back until the next octet shows whether it is inside the line
     * (one space) or at its end (nothing). CR or LF on its own, not a CRLF, is line content.
     */
    private static byte[] relaxedBody(byte[] body) {
        int n = body.length;
        // Every line keeps its length or shrinks; only a last line without CRLF grows, by two.
        byte[] out = new byte[n + 2];
        int o = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            byte b = body[i];
            if (b == ' ' || b == '\t') {
                pendingSpace = true;
            } else if (b == '\r' && i + 1 < n && body[i + 1] == '\n') {
                out[o++] = '\r';
                out[o++] = '\n';
                pendingSpace = false;
                i++; // the LF is written
            } else {
                if (pendingSpace) {
                    out[o++] = ' ';
                    pendingSpace = false;
                }
                out[o++] = b;
            }
        }
        if (n > 0 && !endsWithCrlf(body)) {
            out[o++] = '\r';
            out[o++] = '\n';
        }
        int end = contentEnd(out, o);
        if (end == 0) {
            return new byte[0];
        }
        out[end] = '\r';
        out[end + 1] = '\n';
        return Arrays.copyOf(out, end + 2);
    }

    private static boolean endsWithCrlf(byte[] b) {
        return b.length >= 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n';
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
