package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.SharedCorpus;

class TermTest {

    @Test
    void readsAnchorsFromLeadingAlternatives() {
        assertThat(Term.anchors("\\b(?:reset\\w*|re-?rout\\w*|pass ?words?)\\b.{0,40}x")).containsExactly("reset", "re", "pass");
        assertThat(Term.anchors("\\blocked out\\b|\\blockout\\b")).containsExactly("locked out", "lockout");
        assertThat(Term.anchors("\\b(?:licen[cs]e\\w*|seats)\\b")).containsExactly("licen", "seats");
        assertThat(Term.anchors("\\b(?:un)?block")).isEmpty();
        assertThat(Term.anchors("\\b\\d{1,3}(?:\\.\\d{1,3}){3}")).isEmpty();
        assertThat(Term.anchors("[\\w.+-]+@x")).isEmpty();
    }

    @Test
    void anchorsNeverHideAMatchOfAnyRule() throws IOException {
        ClassifierRules rules = ClassifierRules.fromYaml(SharedCorpus.config("policy.yml"));
        List<Term> terms = new ArrayList<>();
        rules.categories().values().forEach(terms::addAll);
        List<String> texts = new ArrayList<>();
        for (LabelledRequest request : JsonLines.read(SharedCorpus.file("requests-dev.jsonl"))) {
            MessageText text = MessageText.of(request.subject(), request.body(), rules);
            for (String part : List.of(text.subject(), text.fresh(), text.quoted())) {
                Sentence.split(part, 10_000).forEach(sentence -> texts.add(sentence.text()));
            }
        }

        int matches = 0;
        for (Term term : terms) {
            for (String text : texts) {
                if (term.pattern().matcher(text).find()) {
                    matches++;
                    assertThat(term.mayMatch(text)).as(term.source() + " on " + text).isTrue();
                }
            }
        }
        assertThat(matches).isGreaterThan(500);
    }
}
