package org.supportgate.auth.policy;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A named list of phrases or patterns whose presence changes how a sentence is read.
 *
 * @param name the key in the rules file
 * @param terms the cues
 * @param prefilter skips cues that cannot match a text; null runs every cue (for equivalence tests)
 */
record CueList(String name, List<Term> terms, TermPrefilter prefilter) {

    CueList {
        terms = List.copyOf(terms);
    }

    CueList(String name, List<Term> terms) {
        this(name, terms, new TermPrefilter(terms));
    }

    static CueList of(String name, List<String> entries) {
        List<Term> terms = new ArrayList<>(entries.size());
        for (String entry : entries) {
            terms.add(Term.of(entry, 1.0));
        }
        return new CueList(name, terms);
    }

    /** The same cues, every one run on every text. */
    CueList unfiltered() {
        return new CueList(name, terms, null);
    }

    boolean foundIn(CharSequence text) {
        TermPrefilter.Hits hits = prefilter == null ? null : prefilter.scan(text.toString());
        for (int t = 0; t < terms.size(); t++) {
            if ((hits == null || hits.mayMatch(t)) && terms.get(t).pattern().matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Where the cues occur, as [start, end) pairs. */
    List<int[]> spansIn(CharSequence text) {
        List<int[]> spans = new ArrayList<>();
        TermPrefilter.Hits hits = prefilter == null ? null : prefilter.scan(text.toString());
        for (int t = 0; t < terms.size(); t++) {
            if (hits != null && !hits.mayMatch(t)) {
                continue;
            }
            Matcher m = terms.get(t).pattern().matcher(text);
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
