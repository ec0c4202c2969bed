package org.supportgate.auth.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a text must hold for an RE2 pattern to match in it, read from the pattern as literals
 * combined by "all of" and "any of".
 *
 * <p>Why: most rules need words ("reset" ... "password") somewhere, not only at their start, and a
 * sentence without them need not be run through the regex engine. The reading is conservative: a
 * concatenation needs every part that cannot repeat zero times, and an alternation one of its
 * branches, so it is unknown if any branch is. Syntax not understood here (flags, escapes other
 * than the common classes, odd repeats, surrogate pairs) makes the whole pattern unknown.
 */
final class RequiredLiterals {

    private final String regex;
    private int pos;
    /** Characters of the quantifier read last by {@link #minRepeats}, 0 when there was none. */
    private int quantifierLength;

    private RequiredLiterals(String regex) {
        this.regex = regex;
    }

    /** What every match of {@code regex} holds; empty when nothing can be proven. */
    static Optional<Requirement> of(String regex) {
        RequiredLiterals parser = new RequiredLiterals(regex);
        try {
            Requirement requirement = parser.alternation();
            return parser.pos == regex.length() ? Optional.ofNullable(requirement) : Optional.empty();
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** Branches up to a closing parenthesis or the end; null when some branch requires nothing. */
    private Requirement alternation() {
        List<Requirement> branches = new ArrayList<>();
        boolean known = true;
        while (true) {
            Requirement branch = concatenation();
            known &= branch != null;
            branches.add(branch);
            if (pos < regex.length() && regex.charAt(pos) == '|') {
                pos++;
            } else {
                return known ? Requirement.anyOf(branches) : null;
            }
        }
    }

    /** Every required part of one branch, or null if none is known. */
    private Requirement concatenation() {
        List<Requirement> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            char first = regex.charAt(pos);
            Atom atom = atom();
            int min = minRepeats();
            if (atom.literal()) {
                if (min > 0) {
                    run.append(first == '\\' ? regex.charAt(pos - 1 - quantifierLength) : first);
                }
                if (min != 1 || quantifierLength > 0) {
                    // "s?" or "x+" ends the plain run: what follows is not adjacent to it for sure.
                    flush(run, parts);
                }
                continue;
            }
            flush(run, parts);
            if (min > 0 && atom.requirement() != null) {
                parts.add(atom.requirement());
            }
        }
        flush(run, parts);
        return parts.isEmpty() ? null : Requirement.allOf(parts);
    }

    private static void flush(StringBuilder run, List<Requirement> parts) {
        if (!run.isEmpty()) {
            parts.add(new Requirement.Literal(run.toString()));
            run.setLength(0);
        }
    }

    private Atom atom() {
        char c = regex.charAt(pos);
        if (Character.isSurrogate(c)) {
            throw new Unsupported();
        }
        switch (c) {
            case '(' -> {
                if (!regex.startsWith("(?:", pos) && regex.startsWith("(?", pos)) {
                    throw new Unsupported();
                }
                pos += regex.startsWith("(?:", pos) ? 3 : 1;
                Requirement inner = alternation();
                if (pos >= regex.length() || regex.charAt(pos) != ')') {
                    throw new Unsupported();
                }
                pos++;
                return new Atom(false, inner);
            }
            case '[' -> {
                skipClass();
                return Atom.OTHER;
            }
            case '.', '^', '$' -> {
                pos++;
                return Atom.OTHER;
            }
            case '*', '+', '?', '{' -> throw new Unsupported();
            case '\\' -> {
                if (pos + 1 >= regex.length()) {
                    throw new Unsupported();
                }
                char e = regex.charAt(pos + 1);
                pos += 2;
                if (e == 'd') {
                    return Atom.DIGIT;
                }
                if ("bBAzDsSwW".indexOf(e) >= 0) {
                    return Atom.OTHER;
                }
                if (Character.isLetterOrDigit(e) || Character.isSurrogate(e) || e > 127) {
                    throw new Unsupported();
                }
                return Atom.CHAR;
            }
            default -> {
                pos++;
                return Atom.CHAR;
            }
        }
    }

    private void skipClass() {
        int i = pos + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length() && regex.charAt(i) != ']') {
            if (regex.charAt(i) == '\\') {
                i++;
            } else if (regex.startsWith("[:", i)) {
                int close = regex.indexOf(":]", i + 2);
                if (close < 0) {
                    throw new Unsupported();
                }
                i = close + 1;
            }
            i++;
        }
        if (i >= regex.length()) {
            throw new Unsupported();
        }
        pos = i + 1;
    }

    /** The least number of times the atom just read repeats: 1 without a quantifier. */
    private int minRepeats() {
        int start = pos;
        int min = 1;
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '*' || c == '?') {
                min = 0;
                pos++;
            } else if (c == '+') {
                pos++;
            } else if (c == '{') {
                int close = regex.indexOf('}', pos);
                String bounds = close < 0 ? "" : regex.substring(pos + 1, close);
                int comma = bounds.indexOf(',');
                String least = comma < 0 ? bounds : bounds.substring(0, comma);
                String most = comma < 0 ? "0" : bounds.substring(comma + 1);
                if (!digits(least, 1) || !digits(most, 0)) {
                    throw new Unsupported();
                }
                if (Integer.parseInt(least) == 0) {
                    min = 0;
                }
                pos = close + 1;
            } else {
                break;
            }
            if (pos < regex.length() && regex.charAt(pos) == '?') {
                pos++; // lazy: same repeats
            }
        }
        quantifierLength = pos - start;
        return min;
    }

    private static boolean digits(String text, int least) {
        return text.length() >= least && text.length() <= 4 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A parsed atom: a single literal character, or a group's requirement (null if unknown). */
    private record Atom(boolean literal, Requirement requirement) {
        static final Atom CHAR = new Atom(true, null);
        static final Atom OTHER = new Atom(false, null);
        /** RE2's {@code \d} is ASCII only: one of ten digits, so a text without digits holds no IP address. */
        static final Atom DIGIT = new Atom(false, Requirement.anyOf(
                "0123456789".chars().mapToObj(c -> (Requirement) new Requirement.Literal(Character.toString(c))).toList()));
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
