package org.supportgate.auth.policy;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.List;

/** A named list of phrases or patterns whose presence changes how a sentence is read. */
record CueList(String name, List<Term> terms) {

    CueList {
        terms = List.copyOf(terms);
    }

    static CueList of(String name, List<String> entries) {
        List<Term> terms = new ArrayList<>(entries.size());
        for (String entry : entries) {
            terms.add(Term.of(entry, 1.0));
        }
        return new CueList(name, terms);
    }

    boolean foundIn(CharSequence text) {
        String string = text.toString();
        for (Term term : terms) {
            if (term.mayMatch(string) && term.pattern().matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Where the cues occur, as [start, end) pairs. */
    List<int[]> spansIn(CharSequence text) {
        List<int[]> spans = new ArrayList<>();
        String string = text.toString();
        for (Term term : terms) {
            if (!term.mayMatch(string)) {
                continue;
            }
            Matcher m = term.pattern().matcher(text);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
                if (m.end() == m.start()) {
                    break;
                }
            }
        }
        return spans;
    }
}
