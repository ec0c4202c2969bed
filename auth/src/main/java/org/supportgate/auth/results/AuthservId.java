package org.supportgate.auth.results;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the authserv-id at the start of an Authentication-Results value (RFC 8601 section 2.2:
 * {@code [CFWS] authserv-id}, authserv-id being a token or quoted-string). Plain parsing over the
 * raw value, linear in its length, with bounded comment nesting.
 */
final class AuthservId {

    private static final int MAX_COMMENT_DEPTH = 32;
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private AuthservId() {}

    /** The authserv-id in lower case, or empty when the value does not start with one. */
    static Optional<String> of(String rawValue) {
        int i = skipCfws(rawValue, 0);
        if (i < 0 || i >= rawValue.length()) {
            return Optional.empty();
        }
        StringBuilder id = new StringBuilder();
        if (rawValue.charAt(i) == '"') {
            for (i++; i < rawValue.length(); i++) {
                char c = rawValue.charAt(i);
                if (c == '"') {
                    return id.isEmpty() ? Optional.empty() : Optional.of(lower(id));
                }
                if (c == '\\' && i + 1 < rawValue.length()) {
                    c = rawValue.charAt(++i);
                }
                if (c != '\r' && c != '\n') {
                    id.append(c);
                }
            }
            return Optional.empty(); // unterminated quoted-string
        }
        while (i < rawValue.length() && isTokenChar(rawValue.charAt(i))) {
            id.append(rawValue.charAt(i++));
        }
        return id.isEmpty() ? Optional.empty() : Optional.of(lower(id));
    }

    /** Index after whitespace, folding and comments from {@code from}; -1 if a comment is broken. */
    private static int skipCfws(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '(') {
                i = skipComment(s, i);
                if (i < 0) {
                    return -1;
                }
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipComment(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                if (++depth > MAX_COMMENT_DEPTH) {
                    return -1;
                }
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean isTokenChar(char c) {
        // Bytes above US-ASCII are accepted so that a UTF-8 id read as ISO-8859-1 still compares.
        return c > 0x20 && c != 0x7f && TSPECIALS.indexOf(c) < 0;
    }

    private static String lower(CharSequence s) {
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
