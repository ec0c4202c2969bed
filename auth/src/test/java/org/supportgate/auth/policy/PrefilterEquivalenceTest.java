package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.SharedCorpus;

/**
 * The prefilter only saves work: with it and without it, every request gets the same categories and
 * the same evidence. Checked on the labelled corpus, the probes, and texts made from the rules' own
 * vocabulary mixed with cues, targets and noise, so that most rules match somewhere.
 */
class PrefilterEquivalenceTest {

    private static final int GENERATED = 5_000;

    private static final String[] CUES = {
        "please", "not", "don't", "never", "how do i", "can you", "we need", "no action needed", "bitte", "nicht",
        "kein", "por favor", "no", "s'il vous plait", "ne pas", "pas", "alstublieft", "niet", "geen", "nao",
        "por gentileza", "yes, go ahead", "i would like", "is it possible to", "effective immediately", "and", "but",
    };
    private static final String[] TARGETS = {
        "198.51.100.25", "203.0.113.0/24", "2001:db8::25", "mail2.partner.example", "smtp.example.com",
        "bob@partner.example", "it-admin@corrigan.example.com", "port 587", "25",
    };
    private static final String[] NOISE = {
        "the", "our", "a", "for", "to", "of", "on", "with", "from", "warehouse", "invoice", "yesterday", "team",
        "der", "die", "el", "la", "le", "les", "het", "de", "o", "um", "und", "y", "et", "en", "e", "-", "(", ")",
    };

    private static RequestClassifier prefiltered;
    private static RequestClassifier plain;

    @BeforeAll
    static void loadRules() throws IOException {
        ClassifierRules rules = ClassifierRules.fromYaml(SharedCorpus.config("policy.yml"));
        prefiltered = new RequestClassifier(rules, true);
        plain = new RequestClassifier(rules, false);
    }

    @Test
    void sameResultsOnTheLabelledCorpusAndProbes() throws IOException {
        int compared = 0;
        for (LabelledRequest request : JsonLines.read(SharedCorpus.file("requests-dev.jsonl"))) {
            assertSame(request.subject(), request.body());
            compared++;
        }
        try (InputStream in = getClass().getResourceAsStream("/policy/probes.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split("\t", 3);
                if (!line.startsWith("#") && fields.length == 3) {
                    assertSame(fields[1], fields[2].replace("\\n", "\n"));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void sameResultsOnTextsMadeOfTheRulesVocabulary() {
        List<String> vocabulary = vocabulary(plain.rules());
        Random random = new Random(20261122L);
        int assigned = 0;
        for (int i = 0; i < GENERATED; i++) {
            String subject = random.nextInt(4) == 0 ? "" : (random.nextInt(5) == 0 ? "Re: " : "") + sentence(random, vocabulary);
            StringBuilder body = new StringBuilder();
            for (int s = 1 + random.nextInt(5); s > 0; s--) {
                body.append(sentence(random, vocabulary)).append(random.nextInt(3) == 0 ? "\n" : " ");
            }
            if (random.nextInt(8) == 0) {
                body.append("\n\nOn Monday, Alice wrote:\n> ").append(sentence(random, vocabulary));
            }
            RequestCategories result = assertSame(subject, body.toString());
            assigned += result.isNone() ? 0 : 1;
        }
        // The texts must exercise the rules, not only miss them.
        assertThat(assigned).isGreaterThan(GENERATED / 4);
    }

    @Test
    void cuesFindTheSameSpansWithAndWithoutThePrefilter() throws IOException {
        ClassifierRules rules = prefiltered.rules();
        ClassifierRules.TextMarkers t = rules.text();
        ClassifierRules.Cues c = rules.cues();
        List<CueList> lists = List.of(t.replySubject(), t.quoteHeaders(), t.forwardedFrom(), t.forwardedSent(),
                t.signoffs(), t.disclaimers(), c.request(), c.imperative(), c.howTo(), c.wish(), c.negation(),
                c.noAction(), c.approval(), c.autoReplySubject(), c.autoReplyBody(), rules.targets());
        List<String> texts = new ArrayList<>();
        for (LabelledRequest request : JsonLines.read(SharedCorpus.file("requests-dev.jsonl"))) {
            String body = MessageText.normalise(request.body());
            texts.add(MessageText.normalise(request.subject()));
            texts.addAll(List.of(body.split("\n")));
            Sentence.split(body, 10_000).forEach(sentence -> texts.add(sentence.text()));
        }
        List<String> vocabulary = vocabulary(rules);
        Random random = new Random(11);
        for (int i = 0; i < GENERATED; i++) {
            texts.add(MessageText.normalise(sentence(random, vocabulary)));
        }
        int spans = 0;
        for (CueList list : lists) {
            CueList plainList = list.unfiltered();
            for (String text : texts) {
                List<int[]> expected = plainList.spansIn(text);
                assertThat(list.spansIn(text)).as(list.name() + " in " + text).containsExactlyElementsOf(expected);
                assertThat(list.foundIn(text)).as(list.name() + " in " + text).isEqualTo(plainList.foundIn(text));
                spans += expected.size();
            }
        }
        assertThat(spans).isGreaterThan(1_000);
    }

    private static RequestCategories assertSame(String subject, String body) {
        RequestCategories expected = plain.classify(subject, body);
        RequestCategories actual = prefiltered.classify(subject, body);
        assertThat(actual).as("subject %s body %s", subject, body).isEqualTo(expected);
        return actual;
    }

    private static String sentence(Random random, List<String> vocabulary) {
        StringBuilder sentence = new StringBuilder();
        for (int w = 3 + random.nextInt(10); w > 0; w--) {
            int pick = random.nextInt(20);
            String word;
            if (pick < 9) {
                word = vocabulary.get(random.nextInt(vocabulary.size()));
            } else if (pick < 11) {
                word = vocabulary.get(random.nextInt(vocabulary.size())) + new String[] {"s", "ed", "ing", "en", "ung"}[random.nextInt(5)];
            } else if (pick < 14) {
                word = CUES[random.nextInt(CUES.length)];
            } else if (pick < 16) {
                word = TARGETS[random.nextInt(TARGETS.length)];
            } else {
                word = NOISE[random.nextInt(NOISE.length)];
            }
            if (random.nextInt(15) == 0) {
                // Normalisation must bring these back to the rules' spelling.
                word = word.toUpperCase().replace('E', '\u00C9').replace('U', '\u00DC');
            }
            sentence.append(word).append(random.nextInt(8) == 0 ? ", " : " ");
        }
        return sentence.toString().strip() + new String[] {".", "?", "!", ";", ""}[random.nextInt(5)];
    }

    /** Runs of plain text in every rule and cue: words and phrases ("mot de passe", "turn off"). */
    static List<String> vocabulary(ClassifierRules rules) {
        List<Term> terms = new ArrayList<>();
        rules.categories().values().forEach(terms::addAll);
        ClassifierRules.Cues cues = rules.cues();
        for (CueList list : List.of(cues.request(), cues.imperative(), cues.howTo(), cues.negation(), cues.noAction(), cues.approval())) {
            terms.addAll(list.terms());
        }
        List<String> vocabulary = new ArrayList<>();
        for (Term term : terms) {
            String source = term.source().startsWith("re:") ? term.source().substring(3) : term.source();
            StringBuilder run = new StringBuilder();
            for (int i = 0; i <= source.length(); i++) {
                char c = i < source.length() ? source.charAt(i) : '|';
                if (Character.isLetterOrDigit(c) || c == ' ' || c == '\'' || c == '-' || c == '@') {
                    run.append(c);
                    continue;
                }
                if (c == '\\') {
                    i++; // \b, \w, \s: syntax, not text
                }
                String text = run.toString().strip();
                if (text.length() >= 2) {
                    vocabulary.add(text);
                }
                run.setLength(0);
            }
        }
        return vocabulary;
    }
}
