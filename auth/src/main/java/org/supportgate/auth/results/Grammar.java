package org.supportgate.auth.results;

/**
 * The lexical pieces of RFC 8601 section 2.2 that rendering and parsing share: Keyword, the MIME
 * token and quoted-string of RFC 2045 ({@code value}), and the address form of {@code pvalue}.
 */
final class Grammar {

    /** Longest value rendered; longer text from a message is cut, as a header line is bounded. */
    static final int MAX_VALUE = 256;

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private Grammar() {}

    /** Keyword = ldh-str (RFC 5321): letters, digits and inner hyphens. */
    static boolean isKeyword(String s) {
        if (s == null || s.isEmpty() || s.length() > 64 || s.startsWith("-") || s.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiAlnum(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    static void requireKeyword(String what, String s) {
        if (!isKeyword(s)) {
            throw new IllegalArgumentException(what + " is not an RFC 8601 keyword: " + s);
        }
    }

    /** RFC 2045 token: US-ASCII except space, controls and tspecials. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || TSPECIALS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The {@code [ [ local-part ] "@" ] domain-name} form of pvalue, dot-atom local part only. */
    static boolean isAddress(String s) {
        int at = s.lastIndexOf('@');
        if (at < 0 || s.indexOf('@') != at) {
            return false;
        }
        String local = s.substring(0, at);
        return (local.isEmpty() || isDotAtom(local)) && isDomainName(s.substring(at + 1));
    }

    /** The text as a value: a token when it is one, else a quoted-string. */
    static String value(String raw) {
        String clean = clean(raw);
        return isToken(clean) ? clean : quoted(clean);
    }

    /** The text as a pvalue: a token or address when it is one, else a quoted-string. */
    static String pvalue(String raw) {
        String clean = clean(raw);
        return isToken(clean) || isAddress(clean) ? clean : quoted(clean);
    }

    /**
     * Drops CR, LF and other controls (a value must never end the header field or start a new one)
     * and cuts the text to {@link #MAX_VALUE} characters.
     */
    static String clean(String raw) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_VALUE));
        for (int i = 0; i < raw.length() && out.length() < MAX_VALUE; i++) {
            char c = raw.charAt(i);
            if (c == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(c) && c != '\u2028' && c != '\u2029') {
                out.append(c);
            }
        }
        if (!out.isEmpty() && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1); // never cut a code point in half
        }
        return out.toString();
    }

    /** RFC 5322 quoted-string with every DQUOTE and backslash escaped. */
    static String quoted(String clean) {
        StringBuilder out = new StringBuilder(clean.length() + 2).append('"');
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    private static boolean isDotAtom(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && !isAsciiAlnum(c) && "!#$%&'*+-/=?^_`{|}~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** domain-name of RFC 6376: at least two labels of letters, digits, hyphens. */
    private static boolean isDomainName(String s) {
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || !label.chars().allMatch(Grammar::isLdhOrUnderscore)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLdhOrUnderscore(int c) {
        return isAsciiAlnum((char) c) || c == '-' || c == '_';
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
