package org.supportgate.auth.smime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a multipart body (CRLF line ends) into its parts, each exactly the octets between two
 * delimiter lines (RFC 2046 section 5.1.1). The CRLF before a delimiter belongs to the delimiter,
 * not to the part, which is what makes the first part of multipart/signed the signed octets.
 */
final class MultipartBody {

    /** RFC 2046 allows 70; some generators go a little further, and length costs us nothing. */
    private static final int MAX_BOUNDARY = 200;

    private MultipartBody() {}

    static List<byte[]> split(byte[] body, String boundary, int maxParts) throws MalformedSmime {
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw new MalformedSmime("multipart boundary is empty or longer than " + MAX_BOUNDARY);
        }
        byte[] dashBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new ArrayList<>();
        int partStart = -1;
        int lineStart = 0;
        while (lineStart < body.length) {
            int eol = crlfAt(body, lineStart);
            int close = delimiter(body, lineStart, eol, dashBoundary);
            if (close >= 0) {
                if (partStart >= 0) {
                    if (parts.size() >= maxParts) {
                        throw new MalformedSmime("more than " + maxParts + " parts in a multipart");
                    }
                    parts.add(Arrays.copyOfRange(body, partStart, Math.max(partStart, lineStart - 2)));
                }
                if (close == 1) {
                    return parts;
                }
                partStart = Math.min(eol + 2, body.length);
            }
            lineStart = eol + 2;
        }
        throw new MalformedSmime("multipart has no closing boundary \"--" + boundary + "--\"");
    }

    /** -1 if the line is not a delimiter, 0 for a delimiter, 1 for the close delimiter. */
    private static int delimiter(byte[] b, int start, int end, byte[] dashBoundary) {
        if (end - start < dashBoundary.length
                || !Arrays.equals(b, start, start + dashBoundary.length, dashBoundary, 0, dashBoundary.length)) {
            return -1;
        }
        int rest = start + dashBoundary.length;
        int close = 0;
        if (rest + 1 < end && b[rest] == '-' && b[rest + 1] == '-') {
            close = 1;
            rest += 2;
        }
        for (int i = rest; i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return -1; // a longer boundary that merely starts with ours
            }
        }
        return close;
    }

    /** Index of the CR of the next CRLF at or after pos, or the array length. */
    private static int crlfAt(byte[] b, int pos) {
        for (int i = pos; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return b.length;
    }
}
