package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.SharedCorpus;

class RequiredLiteralsTest {

    @Test
    void readsTheBestRequiredPartOfEachBranch() {
        assertThat(RequiredLiterals.of("\\bsmart ?hosts?\\b")).containsExactly("smart");
        assertThat(RequiredLiterals.of("\\block(?:ed)? out\\b|\\blockout\\b")).containsExactly("lock", "lockout");
        assertThat(RequiredLiterals.of("\\w*(?:zugang|zugriff|konto)\\w*\\b.{0,80}\\bein")).containsExactly("zugang", "zugriff", "konto");
        assertThat(RequiredLiterals.of("\\b(?:reset\\w*|re-?rout\\w*)\\b.{0,40}\\b(?:password|mfa)\\b")).containsExactly("reset", "rout");
        assertThat(RequiredLiterals.of("\\bgo\\s+ahead\\b")).containsExactly("ahead");
        assertThat(RequiredLiterals.of("\\bcancel\\w*\\b")).containsExactly("cancel");
        assertThat(RequiredLiterals.of("a\\.b+c")).containsExactly("a.b");
        assertThat(RequiredLiterals.of("(?:ab){2,}x")).containsExactly("ab");
    }

    @Test
    void knowsNothingWhenAnyBranchNeedsNoLiteral() {
        assertThat(RequiredLiterals.of("\\b(?:un)?b")).containsExactly("b");
        assertThat(RequiredLiterals.of("\\b(?:un)?\\w+")).isEmpty();
        assertThat(RequiredLiterals.of("password|\\d+")).isEmpty();
        assertThat(RequiredLiterals.of("(?:a|)x?")).isEmpty();
        assertThat(RequiredLiterals.of("(?:abc){0,3}")).isEmpty();
        assertThat(RequiredLiterals.of("[\\w.+-]*@(?:[\\w-]+\\.)*[\\w-]+")).containsExactly("@");
    }

    @Test
    void refusesSyntaxItDoesNotRead() {
        assertThat(RequiredLiterals.of("(?i)password")).isEmpty();
        assertThat(RequiredLiterals.of("(?P<x>password)")).isEmpty();
        assertThat(RequiredLiterals.of("\\x41bc")).isEmpty();
        assertThat(RequiredLiterals.of("\\pLpassword")).isEmpty();
        assertThat(RequiredLiterals.of("a{,3}bc")).isEmpty();
        assertThat(RequiredLiterals.of("\uD83D\uDE00?abc")).isEmpty();
    }

    /** Every match of every rule on the corpus sentences holds one of the rule's literals. */
    @Test
    void literalsOccurInEveryMatchOfEveryRule() throws IOException {
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
            List<String> literals = RequiredLiterals.of(term.pattern().pattern());
            for (String text : texts) {
                com.google.re2j.Matcher m = term.pattern().matcher(text);
                while (m.find()) {
                    matches++;
                    String match = m.group();
                    assertThat(literals.isEmpty() || literals.stream().anyMatch(match::contains))
                            .as(term.source() + " matched " + match + " without " + literals).isTrue();
                    if (m.end() == m.start()) {
                        break;
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(500);
    }
}
