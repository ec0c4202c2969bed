package org.supportgate.auth.smime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A MIME Content-Type value (RFC 2045 section 5.1): type, subtype and parameters, names
 * lower-cased, values as written (quotes and escapes removed).
 *
 * <p>Parsed by hand in one pass. A value that does not follow the grammar, or that names a
 * parameter twice, is unreadable: two readers could pick different boundaries from it, and the
 * one that decides must not be the one that is fooled.
 */
record ContentType(String type, String subtype, Map<String, String> parameters) {

    /** RFC 2045 section 5.2: what a part without a Content-Type field is. */
    static final ContentType DEFAULT = new ContentType("text", "plain", Map.of());

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";
    private static final int MAX_PARAMETERS = 32;
    private static final int MAX_COMMENT_NESTING = 8;

    ContentType {
        parameters = Map.copyOf(parameters);
    }

    static Optional<ContentType> parse(String value) {
        return new Reader(value.replace("\r\n", "")).contentType();
    }

    /** Whether this is type/subtype, case-insensitively. */
    boolean is(String mediaType) {
        return (type + "/" + subtype).equals(mediaType.toLowerCase(Locale.ROOT));
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    String mediaType() {
        return type + "/" + subtype;
    }

    /** A cursor over one header value; every method either advances or reports failure. */
    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Optional<ContentType> contentType() {
            skipCfws();
            Optional<String> type = token();
            if (type.isEmpty() || !take('/')) {
                return Optional.empty();
            }
            Optional<String> subtype = token();
            if (subtype.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new HashMap<>();
            while (true) {
                skipCfws();
                if (pos >= s.length()) {
                    break;
                }
                if (!take(';')) {
                    return Optional.empty();
                }
                skipCfws();
                if (pos >= s.length()) {
                    break; // a trailing ';' is common and harmless
                }
                Optional<String> name = token();
                skipCfws();
                if (name.isEmpty() || !take('=')) {
                    return Optional.empty();
                }
                skipCfws();
                Optional<String> value = pos < s.length() && s.charAt(pos) == '"' ? quoted() : token();
                if (value.isEmpty() || parameters.size() >= MAX_PARAMETERS
                        || parameters.putIfAbsent(name.get().toLowerCase(Locale.ROOT), value.get()) != null) {
                    return Optional.empty();
                }
            }
            return Optional.of(new ContentType(type.get().toLowerCase(Locale.ROOT),
                    subtype.get().toLowerCase(Locale.ROOT), parameters));
        }

        private Optional<String> token() {
            int start = pos;
            while (pos < s.length() && isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return pos > start ? Optional.of(s.substring(start, pos)) : Optional.empty();
        }

        private Optional<String> quoted() {
            StringBuilder out = new StringBuilder();
            pos++; // opening quote
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return Optional.of(out.toString());
                }
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                out.append(c);
            }
            return Optional.empty();
        }

        private boolean take(char c) {
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        /** Skips white space and (possibly nested) comments; an unclosed comment runs to the end. */
        private void skipCfws() {
            int depth = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (depth > 0 && c == '\\') {
                    pos += 2;
                } else if (c == '(') {
                    if (++depth > MAX_COMMENT_NESTING) {
                        pos = s.length();
                    } else {
                        pos++;
                    }
                } else if (depth > 0 && c == ')') {
                    depth--;
                    pos++;
                } else if (depth > 0 || c == ' ' || c == '\t') {
                    pos++;
                } else {
                    return;
                }
            }
            pos = Math.min(pos, s.length());
        }

        private static boolean isTokenChar(char c) {
            return c > ' ' && c < 127 && TSPECIALS.indexOf(c) < 0;
        }
    }
}
