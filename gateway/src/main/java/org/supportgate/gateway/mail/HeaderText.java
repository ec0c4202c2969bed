package org.supportgate.gateway.mail;

/**
 * Makes inbound text (subjects, display names) safe to put in one of our header fields: no line
 * breaks or other control characters (so no header injection), whitespace runs collapsed, and cut
 * to a length, never inside a surrogate pair. Encoding (RFC 2047) is Jakarta Mail's job afterwards.
 */
final class HeaderText {

    private HeaderText() {}

    static String clean(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
            char c = text.charAt(i);
            boolean separator = Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || c == '\u0085' || c == '\u00a0';
            if (separator) {
                space = !out.isEmpty();
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        if (!out.isEmpty() && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
