package org.supportgate.auth.policy;

import com.google.re2j.Matcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Says which sensitive categories a support request falls in, from its subject and plain-text body.
 *
 * <p>Only the new text counts: quoted replies, forwarded messages, signatures and disclaimers are
 * set aside ({@link MessageText}). The exception is a bare approval ("yes, go ahead") whose new
 * text asks for nothing itself: it approves the quoted request, so the quoted text is read instead.
 * Each sentence is read as a request, a how-to or yes/no question, or a statement, and each clause
 * for negation; matches of a category's weighted terms add up and a category whose score reaches
 * the threshold is assigned.
 *
 * <p>Thread-safe and immutable; build one from the rules and share it.
 */
public final class RequestClassifier {

    private static final int MAX_SENTENCES = 2_000;

    private final ClassifierRules rules;
    /** Per category, skips terms that cannot match a sentence; empty runs every term (for equivalence tests). */
    private final Map<Category, TermPrefilter> prefilters = new EnumMap<>(Category.class);

    public RequestClassifier(ClassifierRules rules) {
        this(rules, true);
    }

    RequestClassifier(ClassifierRules rules, boolean prefiltered) {
        Objects.requireNonNull(rules, "rules");
        this.rules = prefiltered ? rules : rules.unfiltered();
        if (prefiltered) {
            rules.categories().forEach((category, terms) -> prefilters.put(category, new TermPrefilter(terms)));
        }
    }

    /** A classifier from a rules file such as {@code config/policy.yml}. */
    public static RequestClassifier fromYaml(Path rulesFile) throws IOException {
        return new RequestClassifier(ClassifierRules.fromYaml(rulesFile));
    }

    public ClassifierRules rules() {
        return rules;
    }

    /**
     * Classifies one request. Never throws for any text; {@code null} is read as empty. If the time
     * budget runs out before the text is read, every category is assigned (fail closed) with
     * evidence saying so.
     */
    public RequestCategories classify(String subject, String body) {
        Deadline deadline = Deadline.after(rules.limits().timeBudget());
        try {
            MessageText text = MessageText.of(subject == null ? "" : subject, body == null ? "" : body, rules);
            deadline.check();
            if (isAutoReply(text)) {
                return RequestCategories.none();
            }
            if (rules.cues().wish().foundIn(text.subject())) {
                // "Feature request: let users block senders themselves" asks the vendor, not us to act.
                return RequestCategories.none();
            }
            Tally tally = score(text.subject(), text.fresh(), deadline, false);
            if (tally.assigned().isEmpty() && isBareApproval(text)) {
                // "Yes, please proceed" above a quoted change approves that change.
                tally = score("", text.quoted(), deadline, true);
            }
            return tally.result();
        } catch (Deadline.Spent e) {
            return failClosed();
        }
    }

    private boolean isAutoReply(MessageText text) {
        return rules.cues().autoReplySubject().foundIn(text.subject())
                && rules.cues().autoReplyBody().foundIn(text.fresh());
    }

    private boolean isBareApproval(MessageText text) {
        if (text.quoted().isEmpty() || text.fresh().length() > rules.limits().approvalMaxChars()
                || rules.cues().noAction().foundIn(text.fresh())) {
            return false;
        }
        for (Sentence sentence : Sentence.split(text.fresh(), MAX_SENTENCES)) {
            List<int[]> approvals = rules.cues().approval().spansIn(sentence.text());
            if (!approvals.isEmpty() && !cancelled(sentence, approvals.get(0), rules.cues().negation().spansIn(sentence.text()), List.of())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Scores a subject and a text. The subject names the topic and the text asks ("New billing
     * address" / "Please update it on the account"), so when the text holds a request the subject
     * is read as part of it.
     */
    private Tally score(String subject, String text, Deadline deadline, boolean approved) {
        ClassifierRules.Scoring scoring = rules.scoring();
        ClassifierRules.Cues cues = rules.cues();
        boolean noAction = cues.noAction().foundIn(text) || cues.noAction().foundIn(subject);
        Tally tally = new Tally(scoring.threshold(), approved ? "approved quote: " : "");
        List<Sentence> sentences = new ArrayList<>(Sentence.split(subject, MAX_SENTENCES));
        int subjectSentences = sentences.size();
        sentences.addAll(headAndTail(Sentence.split(text, MAX_SENTENCES)));
        double[] factors = new double[sentences.size()];
        boolean textRequests = false;
        for (int i = 0; i < sentences.size(); i++) {
            deadline.check();
            Sentence sentence = sentences.get(i);
            factors[i] = factor(sentence, noAction, i >= subjectSentences);
            textRequests |= i >= subjectSentences && factors[i] >= scoring.request()
                    && !cues.howTo().foundIn(sentence.text());
        }
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            deadline.check();
            // An approval makes the quoted text a request, whatever its own mood ("you want ... ?").
            boolean borrowed = !approved && i < subjectSentences && textRequests && !sentence.interrogative();
            double factor = approved || borrowed ? scoring.request() : factors[i];
            if (factor <= 0 || cues.wish().foundIn(sentence.text())) {
                continue;
            }
            // Cues that cancel a match in their clause: negations before it, how-to questions anywhere.
            List<int[]> negations = cues.negation().spansIn(sentence.text());
            List<int[]> howTo = cues.howTo().spansIn(sentence.text());
            boolean target = rules.targets().foundIn(sentence.text());
            Map<Category, List<Match>> matches = matches(sentence, negations, howTo, deadline);
            for (Map.Entry<Category, List<Match>> entry : matches.entrySet()) {
                Category category = entry.getKey();
                boolean counted = false;
                for (Match match : entry.getValue()) {
                    if (!yields(category, match, sentence, matches)) {
                        double weight = match.term().weight();
                        // A subject borrows the body's request, but only a decisive word in it asks.
                        // A category also needs a word of some strength in that sentence, not a bare
                        // "billing" or "server" beside an address.
                        boolean asked = weight > 1.0 || (factor >= scoring.request()
                                && weight >= scoring.askingWeight() && (!borrowed || weight >= 1.0));
                        tally.add(category, match.term(), match.text(), weight * factor, asked);
                        counted = true;
                    }
                }
                if (counted && target) {
                    tally.bonus(category, scoring.targetBonus() * factor);
                }
            }
        }
        return tally;
    }

    /**
     * Each category's matches in a sentence. Text counts once per category, at its strongest rule
     * (terms are sorted by weight): a match inside one already counted adds nothing, as "export"
     * inside "export of the message logs".
     */
    private Map<Category, List<Match>> matches(
            Sentence sentence, List<int[]> negations, List<int[]> howTo, Deadline deadline) {
        Map<Category, List<Match>> matches = new EnumMap<>(Category.class);
        for (Map.Entry<Category, List<Term>> entry : rules.categories().entrySet()) {
            List<Match> counted = new ArrayList<>();
            List<Term> terms = entry.getValue();
            TermPrefilter prefilter = prefilters.get(entry.getKey());
            TermPrefilter.Hits hits = prefilter == null ? null : prefilter.scan(sentence.text());
            for (int t = 0; t < terms.size(); t++) {
                if (hits == null || hits.mayMatch(t)) {
                    firstCounted(terms.get(t), sentence, counted, negations, howTo).ifPresent(counted::add);
                }
                deadline.check();
            }
            if (!counted.isEmpty()) {
                matches.put(entry.getKey(), counted);
            }
        }
        return matches;
    }

    /** The term's first match that is neither cancelled nor inside one already counted. */
    private static Optional<Match> firstCounted(
            Term term, Sentence sentence, List<Match> counted, List<int[]> negations, List<int[]> howTo) {
        Matcher m = term.pattern().matcher(sentence.text());
        while (m.find()) {
            int[] span = {m.start(), m.end()};
            if (!insideAny(span, counted) && !cancelled(sentence, span, negations, howTo)) {
                return Optional.of(new Match(term, span, m.group()));
            }
            if (m.end() == m.start()) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * The sentences worth reading in a long text: the first ones and the last ones. A request opens
     * or closes a message ("... so for Corrigan, can you just let everything through?"), and reading
     * every sentence of a 64 KiB rant would cost more than the time budget.
     */
    private List<Sentence> headAndTail(List<Sentence> sentences) {
        int max = rules.limits().maxSentences();
        if (sentences.size() <= max) {
            return sentences;
        }
        int tail = max / 3;
        List<Sentence> kept = new ArrayList<>(sentences.subList(0, max - tail));
        kept.addAll(sentences.subList(sentences.size() - tail, sentences.size()));
        return kept;
    }

    /** How much a sentence's words count, from its mood. */
    private double factor(Sentence sentence, boolean noAction, boolean body) {
        ClassifierRules.Cues cues = rules.cues();
        ClassifierRules.Scoring scoring = rules.scoring();
        // A subject is a noun phrase more often than an order: "allow list size", "block list vs. policy".
        if (cues.request().foundIn(sentence.text()) || (body && opensWithImperative(sentence))) {
            return scoring.request();
        }
        if (noAction) {
            // "Nothing needs to change", "no action needed": statements are context, not asks.
            return 0;
        }
        return sentence.interrogative() ? scoring.question() : scoring.statement();
    }

    private boolean opensWithImperative(Sentence sentence) {
        CueList imperative = rules.cues().imperative();
        for (int start : sentence.clauseStarts()) {
            if (imperative.foundIn(sentence.text().substring(start).stripLeading())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a match gives way to a decisive match (weight 1 or more) of a category it yields to in
     * the same clause: "add x.example.com to our allow list" adds to a list, not a domain to the service.
     */
    private boolean yields(Category category, Match match, Sentence sentence, Map<Category, List<Match>> matches) {
        int clause = sentence.clauseOf(match.span()[0]);
        for (Category other : rules.yields().getOrDefault(category, Set.of())) {
            for (Match stronger : matches.getOrDefault(other, List.of())) {
                if (stronger.term().weight() >= 1.0 && sentence.clauseOf(stronger.span()[0]) == clause) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A term's match in a sentence. */
    private record Match(Term term, int[] span, String text) {}

    private static boolean insideAny(int[] span, List<Match> matches) {
        for (Match match : matches) {
            int[] other = match.span();
            if (other[0] <= span[0] && span[1] <= other[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a cue in the same clause cancels the match: a negation before it ("we are not
     * cancelling"), or a how-to question anywhere in the clause. A negation inside the match is
     * part of the phrase itself ("won't be renewing") and does not count.
     */
    private static boolean cancelled(Sentence sentence, int[] span, List<int[]> negations, List<int[]> howTo) {
        int clause = sentence.clauseOf(span[0]);
        for (int[] negation : negations) {
            if (negation[1] <= span[0] && sentence.clauseOf(negation[0]) == clause) {
                return true;
            }
        }
        for (int[] question : howTo) {
            if (sentence.clauseOf(question[0]) == clause) {
                return true;
            }
        }
        return false;
    }

    private static RequestCategories failClosed() {
        List<Evidence> evidence = new ArrayList<>();
        for (Category category : Category.values()) {
            evidence.add(new Evidence(category, "time budget", "time budget spent before the text was read in full"));
        }
        return new RequestCategories(EnumSet.allOf(Category.class), evidence);
    }
}
