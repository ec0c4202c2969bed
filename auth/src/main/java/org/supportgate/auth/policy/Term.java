package org.supportgate.auth.policy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a word list in the rules file, compiled for RE2/J.
 *
 * <p>An entry is either a phrase or, prefixed {@code re:}, a pattern. A phrase is matched as whole
 * words with any run of white space between them; a word ending in {@code *} also matches its
 * inflections ({@code cancel*} matches cancels, cancelled, cancellation). Phrases are written the
 * way the text is normalised before matching: lower case, without accents.
 *
 * <p>RE2/J runs a pattern with no literal prefix from every position of the text, which over a few
 * hundred terms and a long message is slow. So each term also keeps its anchors: literal texts one
 * of which every match must start with, read from the pattern's leading alternatives. A sentence
 * holding none of them cannot match, and a plain {@link String#contains} says so cheaply. A pattern
 * whose start is not plain enough to read has no anchors and always runs.
 *
 * @param source the entry as written, quoted back in evidence
 * @param pattern the compiled pattern
 * @param weight how much a match adds to its category; 1 for cues
 * @param anchors literal starts of every match; empty when unknown
 */
record Term(String source, Pattern pattern, double weight, List<String> anchors) {

    private static final int MIN_ANCHOR = 1;

    Term {
        anchors = List.copyOf(anchors);
    }

    /** False only when the text cannot hold a match. */
    boolean mayMatch(String text) {
        if (anchors.isEmpty()) {
            return true;
        }
        for (String anchor : anchors) {
            if (text.contains(anchor)) {
                return true;
            }
        }
        return false;
    }

    private static final String META = "\\.[]{}()<>*+-=!?^$|/#&~,;:'\"@%";

    static Term of(String source, double weight) {
        String regex = source.startsWith("re:") ? source.substring(3).strip() : phraseRegex(source);
        try {
            Pattern pattern = Pattern.compile(regex);
            return new Term(source, pattern, weight, anchors(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad pattern in rules: " + source + ": " + e.getMessage(), e);
        }
    }

    private static String phraseRegex(String phrase) {
        String trimmed = phrase.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty phrase in rules");
        }
        StringBuilder regex = new StringBuilder();
        if (isWordChar(trimmed.charAt(0))) {
            regex.append("\\b");
        }
        String[] words = trimmed.split("\\s+");
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                regex.append("\\s+");
            }
            String word = words[w];
            boolean inflected = word.endsWith("*") && word.length() > 1;
            if (inflected) {
                word = word.substring(0, word.length() - 1);
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (META.indexOf(c) >= 0) {
                    regex.append('\\');
                }
                regex.append(c);
            }
            if (inflected) {
                regex.append("\\w*");
            }
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        if (isWordChar(last) || last == '*') {
            regex.append("\\b");
        }
        return regex.toString();
    }

    /** The literal starts of every match of {@code regex}, or an empty list when they cannot be read. */
    static List<String> anchors(String regex) {
        List<String> anchors = new ArrayList<>();
        for (String alternative : splitTopLevel(regex)) {
            if (!addAnchors(alternative, anchors)) {
                return List.of();
            }
        }
        return anchors;
    }

    private static boolean addAnchors(String alternative, List<String> anchors) {
        String rest = alternative;
        while (rest.startsWith("\\b") || rest.startsWith("^")) {
            rest = rest.substring(rest.startsWith("^") ? 1 : 2);
        }
        if (rest.startsWith("(?:")) {
            int close = closingParen(rest);
            if (close < 0 || (close + 1 < rest.length() && "?*{".indexOf(rest.charAt(close + 1)) >= 0)) {
                return false;
            }
            for (String inner : splitTopLevel(rest.substring(3, close))) {
                if (!addAnchors(inner, anchors)) {
                    return false;
                }
            }
            return true;
        }
        String literal = literalPrefix(rest);
        if (literal.length() < MIN_ANCHOR) {
            return false;
        }
        anchors.add(literal);
        return true;
    }

    /** The plain characters a pattern starts with, less a last one made optional by ?, * or {. */
    private static String literalPrefix(String regex) {
        int end = 0;
        while (end < regex.length() && "\\()[]{}*+?.|^$".indexOf(regex.charAt(end)) < 0) {
            end++;
        }
        if (end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0 && end > 0) {
            end--;
        }
        return regex.substring(0, end);
    }

    /** The index of the parenthesis closing the one at index 0, or -1 if it cannot be told. */
    private static int closingParen(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = regex.indexOf(']', i + 2);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String regex) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(regex.substring(start));
        return parts;
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
