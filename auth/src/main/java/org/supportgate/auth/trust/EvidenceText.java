package org.supportgate.auth.trust;

/**
 * Untrusted text made safe to quote in a signal's detail: evidence ends up in logs, the review
 * screen and refusal notices, so control and bidirectional-override characters (which can fake
 * line breaks or reverse what a reviewer reads) become '?', and length is capped.
 */
final class EvidenceText {

    static final int MAX_QUOTED = 120;

    private EvidenceText() {}

    static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 1);
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (count == MAX_QUOTED) {
                out.append('\u2026');
                break;
            }
            out.appendCodePoint(unsafe(cp) ? '?' : cp);
            count++;
        }
        return out.toString();
    }

    private static boolean unsafe(int cp) {
        return Character.isISOControl(cp)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C
                || cp == 0x2028 || cp == 0x2029;
    }
}
