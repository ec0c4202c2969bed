package org.supportgate.auth.policy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * One entry of a word list in the rules file, compiled for RE2/J.
 *
 * <p>An entry is either a phrase or, prefixed {@code re:}, a pattern. A phrase is matched as whole
 * words with any run of white space between them; a word ending in {@code *} also matches its
 * inflections ({@code cancel*} matches cancels, cancelled, cancellation). Phrases are written the
 * way the text is normalised before matching: lower case, without accents.
 *
 * <p>Which terms can match a sentence at all is decided before they run, by {@link TermPrefilter}.
 *
 * @param source the entry as written, quoted back in evidence
 * @param pattern the compiled pattern
 * @param weight how much a match adds to its category; 1 for cues
 */
record Term(String source, Pattern pattern, double weight) {

    private static final String META = "\\.[]{}()<>*+-=!?^$|/#&~,;:'\"@%";

    static Term of(String source, double weight) {
        String regex = source.startsWith("re:") ? source.substring(3).strip() : phraseRegex(source);
        try {
            Pattern pattern = Pattern.compile(regex);
            return new Term(source, pattern, weight);
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

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
