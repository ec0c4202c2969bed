package org.supportgate.auth.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A macro-string of RFC 7208 section 7, parsed once so that syntax errors are found before
 * evaluation, then expanded against the facts of a check.
 */
final class MacroString {

    /** Where the string came from, which decides the letters and characters it may use. */
    enum Use {
        /** A mechanism's or modifier's domain-spec: letters slodiphv, must end in a valid toplabel. */
        DOMAIN_SPEC("slodiphv"),
        /** An unknown modifier's value: letters slodiphv, no ending rule. */
        MODIFIER_VALUE("slodiphv"),
        /** The TXT text of an explanation: also c, r and t, and spaces. */
        EXPLANATION("slodiphvcrt");

        private final String letters;

        Use(String letters) {
            this.letters = letters;
        }
    }

    /** Longest expansion we build; anything longer is an error, never a huge allocation. */
    static final int MAX_EXPANSION = 8192;

    private sealed interface Part {}

    private record Literal(String text) implements Part {}

    private record Macro(char letter, int keep, boolean reverse, String delimiters, boolean escape)
            implements Part {}

    private final List<Part> parts;
    private final String source;

    private MacroString(List<Part> parts, String source) {
        this.parts = List.copyOf(parts);
        this.source = source;
    }

    /** Parses {@code text}; throws {@link SpfAbort} (permerror) naming the fault. */
    static MacroString parse(String text, Use use) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean endsWithMacro = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                boolean visible = c >= 0x21 && c <= 0x7e;
                if (!visible && !(use == Use.EXPLANATION && c == ' ')) {
                    throw SpfAbort.permError("character U+%04X not allowed in \"%s\""
                            .formatted((int) c, printable(text)));
                }
                literal.append(c);
                endsWithMacro = false;
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw SpfAbort.permError("'%' at end of \"" + printable(text) + "\"");
            }
            char next = text.charAt(i + 1);
            switch (next) {
                case '%' -> literal.append('%');
                case '_' -> literal.append(' ');
                case '-' -> literal.append("%20");
                case '{' -> {
                    int close = text.indexOf('}', i + 2);
                    if (close < 0) {
                        throw SpfAbort.permError("unclosed macro in \"" + printable(text) + "\"");
                    }
                    if (!literal.isEmpty()) {
                        parts.add(new Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add(macro(text.substring(i + 2, close), use, text));
                    i = close + 1;
                    endsWithMacro = true;
                    continue;
                }
                default -> throw SpfAbort.permError(
                        "'%' followed by '" + printable(String.valueOf(next)) + "' in \""
                                + printable(text) + "\"");
            }
            endsWithMacro = true;
            i += 2;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        if (use == Use.DOMAIN_SPEC) {
            checkDomainEnd(text, endsWithMacro);
        }
        return new MacroString(parts, text);
    }

    private static Macro macro(String body, Use use, String text) {
        if (body.isEmpty()) {
            throw SpfAbort.permError("empty macro in \"" + printable(text) + "\"");
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        if (letter > 0x7e || use.letters.indexOf(lower) < 0) {
            throw SpfAbort.permError("macro letter '" + printable(String.valueOf(letter))
                    + "' not allowed here in \"" + printable(text) + "\"");
        }
        int i = 1;
        int digitsStart = i;
        while (i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '9') {
            i++;
        }
        int keep = 0;
        if (i > digitsStart) {
            String digits = body.substring(digitsStart, i);
            // More parts than any name can have; keeps huge numbers from overflowing.
            keep = digits.length() > 3 ? 1000 : Integer.parseInt(digits);
            if (keep == 0) {
                throw SpfAbort.permError("macro keeps zero parts in \"" + printable(text) + "\"");
            }
        }
        boolean reverse = false;
        if (i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R')) {
            reverse = true;
            i++;
        }
        String delimiters = body.substring(i);
        for (int k = 0; k < delimiters.length(); k++) {
            if (".-+,/_=".indexOf(delimiters.charAt(k)) < 0) {
                throw SpfAbort.permError("bad macro delimiter in \"" + printable(text) + "\"");
            }
        }
        return new Macro(lower, keep, reverse, delimiters.isEmpty() ? "." : delimiters,
                Character.isUpperCase(letter));
    }

    /** domain-end = ( "." toplabel [ "." ] ) / macro-expand (section 7.1). */
    private static void checkDomainEnd(String text, boolean endsWithMacro) {
        if (endsWithMacro) {
            return;
        }
        String t = DomainSyntax.withoutTrailingDot(text);
        int dot = t.lastIndexOf('.');
        if (dot < 0 || !DomainSyntax.isTopLabel(t.substring(dot + 1))) {
            throw SpfAbort.permError("\"" + printable(text) + "\" does not end in a valid top label");
        }
    }

    /** Expands against the check's facts; throws {@link SpfAbort} if it grows too long. */
    String expand(MacroFacts facts) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal l -> out.append(l.text());
                case Macro m -> out.append(transform(m, facts.value(m.letter())));
            }
            if (out.length() > MAX_EXPANSION) {
                throw SpfAbort.permError("macro expansion longer than " + MAX_EXPANSION);
            }
        }
        return out.toString();
    }

    private static String transform(Macro m, String value) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (m.delimiters().indexOf(value.charAt(i)) >= 0) {
                pieces.add(value.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(value.substring(start));
        if (m.reverse()) {
            java.util.Collections.reverse(pieces);
        }
        if (m.keep() > 0 && m.keep() < pieces.size()) {
            pieces = pieces.subList(pieces.size() - m.keep(), pieces.size());
        }
        String joined = String.join(".", pieces);
        return m.escape() ? urlEscape(joined) : joined;
    }

    /** Section 7.3: upper-case macro letters escape everything outside RFC 3986 unreserved. */
    private static String urlEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    boolean isEmpty() {
        return source.isEmpty();
    }

    @Override
    public String toString() {
        return source;
    }

    /** Untrusted text made safe for a log line or a problem string: ASCII, short. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 120; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return text.length() > 120 ? out + "..." : out.toString();
    }
}
