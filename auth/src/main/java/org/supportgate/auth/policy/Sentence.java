package org.supportgate.auth.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence of normalised text, the unit whose mood (request, question, statement) decides how
 * its words count, with the offsets where its clauses begin: a negation reaches only its own clause
 * ("we are not changing providers, just point delivery at ...").
 *
 * @param text the sentence
 * @param interrogative whether it is punctuated as a question
 * @param clauseStarts ascending offsets in {@code text} where a clause begins, the first being 0
 */
record Sentence(String text, boolean interrogative, int[] clauseStarts) {

    /** Characters in a sentence; longer runs without punctuation are cut at a space past this. */
    static final int MAX_LENGTH = 600;

    /** Words that join two clauses; a negation before them does not reach past them. */
    private static final String[] CONJUNCTIONS = {
        " but ", " however ", " aber ", " sondern ", " pero ", " sino ", " mais ", " maar ", " mas ", " porem ",
        " just ", " only ", " nur ", " solo ", " seulement ", " alleen ", " apenas ", " instead ",
        " so ", " because ", " since ", " while ", " weil ", " damit ", " porque ", " parce que ", " omdat ", " zodat ",
        " then ", " and then ", " dann ", " luego ", " puis ", " daarna ", " depois ",
        " and ", " und ", " y ", " et ", " en ", " e "
    };

    /** The clause of {@code text} that holds {@code offset}. */
    int clauseOf(int offset) {
        int clause = 0;
        while (clause + 1 < clauseStarts.length && clauseStarts[clause + 1] <= offset) {
            clause++;
        }
        return clause;
    }

    /**
     * Splits text into sentences, at most {@code maxSentences}. A line break ends a sentence when
     * the line is short or ends in punctuation, or the next line is a list item; otherwise the
     * line was wrapped by the mail client and the sentence goes on.
     */
    static List<Sentence> split(String text, int maxSentences) {
        List<Sentence> sentences = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String[] lines = text.split("\n");
        for (int l = 0; l < lines.length && sentences.size() < maxSentences; l++) {
            String line = lines[l].strip();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                current.append(c);
                if (current.length() >= MAX_LENGTH && Character.isWhitespace(c) || current.length() >= 2 * MAX_LENGTH) {
                    // Text without punctuation is cut into pieces, so no pattern runs over more than this.
                    add(sentences, current);
                    continue;
                }
                // A semicolon joins clauses of one sentence: "we updated the MX; please update your side".
                boolean end = c == '?' || c == '!'
                        || (c == '.' && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))
                                && !isListNumber(current));
                if (end) {
                    add(sentences, current);
                }
            }
            boolean wrapped = line.length() >= 60 && l + 1 < lines.length && !startsItem(lines[l + 1].strip());
            if (wrapped) {
                current.append(' ');
            } else {
                add(sentences, current);
            }
        }
        add(sentences, current);
        return sentences.size() > maxSentences ? sentences.subList(0, maxSentences) : sentences;
    }

    /** "1." opening a numbered item is not a sentence of its own. */
    private static boolean isListNumber(CharSequence sentence) {
        String text = sentence.toString().strip();
        return text.length() <= 3 && text.length() >= 2 && Character.isDigit(text.charAt(0))
                && text.chars().limit(text.length() - 1).allMatch(Character::isDigit);
    }

    private static boolean startsItem(String line) {
        return line.isEmpty() || line.startsWith("-") || line.startsWith("*") || line.startsWith("\u2022")
                || (line.length() > 1 && Character.isDigit(line.charAt(0)) && (line.charAt(1) == '.' || line.charAt(1) == ')'));
    }

    private static void add(List<Sentence> sentences, StringBuilder current) {
        String text = current.toString().strip();
        current.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        boolean interrogative = text.indexOf('?') >= 0 || text.startsWith("\u00BF");
        sentences.add(new Sentence(text, interrogative, clauseStarts(text)));
    }

    private static int[] clauseStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '(' || c == ')' || c == ':' || c == ';') {
                starts.add(i + 1);
            } else if (c == ' ' && i + 2 < text.length() && text.charAt(i + 1) == '-' && text.charAt(i + 2) == ' ') {
                starts.add(i + 2);
            } else if (c == ' ') {
                for (String conjunction : CONJUNCTIONS) {
                    if (text.startsWith(conjunction, i)) {
                        starts.add(i + 1);
                        break;
                    }
                }
            }
        }
        int[] offsets = new int[starts.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = starts.get(i);
        }
        return offsets;
    }
}
