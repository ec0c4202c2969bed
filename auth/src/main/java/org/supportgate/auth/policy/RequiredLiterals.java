package org.supportgate.auth.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Literal texts one of which every match of an RE2 pattern contains, read from the pattern.
 *
 * <p>Why: most rules need a word ("password", "smarthost") somewhere, not only at their start, and a
 * sentence without any of a rule's words need not be run through the regex engine. The reading is
 * conservative: a concatenation needs each of its parts that cannot repeat zero times, so the best
 * literal part stands for it; an alternation needs one of its branches, so it needs the union of
 * theirs, and is unknown if any branch is. Syntax not understood here (flags, escapes other than
 * the common classes, odd repeats, surrogate pairs) makes the whole pattern unknown.
 */
final class RequiredLiterals {

    private final String regex;
    private int pos;

    private RequiredLiterals(String regex) {
        this.regex = regex;
    }

    /** One of these occurs in every match of {@code regex}; empty when that cannot be proven. */
    static List<String> of(String regex) {
        RequiredLiterals parser = new RequiredLiterals(regex);
        try {
            Set<String> literals = parser.alternation();
            if (parser.pos != regex.length() || literals == null || literals.contains("")) {
                return List.of();
            }
            return List.copyOf(literals);
        } catch (Unsupported e) {
            return List.of();
        }
    }

    /** Branches up to a closing parenthesis or the end; null when some branch needs no literal. */
    private Set<String> alternation() {
        Set<String> union = new LinkedHashSet<>();
        boolean known = true;
        while (true) {
            Set<String> branch = concatenation();
            if (branch == null) {
                known = false;
            } else {
                union.addAll(branch);
            }
            if (pos < regex.length() && regex.charAt(pos) == '|') {
                pos++;
            } else {
                return known ? union : null;
            }
        }
    }

    /** The best literal set among the required parts of one branch, or null if none is literal. */
    private Set<String> concatenation() {
        Set<String> best = null;
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
                    best = better(best, run);
                    run.setLength(0);
                }
                continue;
            }
            best = better(best, run);
            run.setLength(0);
            if (min > 0 && atom.literals() != null) {
                best = better(best, atom.literals());
            }
        }
        return better(best, run);
    }

    private int quantifierLength;

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
                Set<String> inner = alternation();
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
                if ("bBAzdDsSwW".indexOf(e) >= 0) {
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

    /** The set whose shortest literal is longest, then the smaller set. */
    private static Set<String> better(Set<String> best, CharSequence run) {
        return run.isEmpty() ? best : better(best, Set.of(run.toString()));
    }

    private static Set<String> better(Set<String> best, Set<String> candidate) {
        if (candidate.isEmpty() || shortest(candidate) == 0) {
            return best;
        }
        if (best == null || shortest(candidate) > shortest(best)
                || (shortest(candidate) == shortest(best) && candidate.size() < best.size())) {
            return candidate;
        }
        return best;
    }

    private static int shortest(Set<String> literals) {
        return literals.stream().mapToInt(String::length).min().orElse(0);
    }

    /** A parsed atom: a single literal character, or a group's literal set (null if unknown). */
    private record Atom(boolean literal, Set<String> literals) {
        static final Atom CHAR = new Atom(true, null);
        static final Atom OTHER = new Atom(false, null);
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
