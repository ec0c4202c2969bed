package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.SharedCorpus;

class RequiredLiteralsTest {

    @Test
    void readsEveryRequiredPartOfEachBranch() {
        assertThat(read("\\bsmart ?hosts?\\b")).isEqualTo("all(smart, host)");
        assertThat(read("\\block(?:ed)? out\\b|\\blockout\\b")).isEqualTo("any(all(lock,  out)|lockout)");
        assertThat(read("\\w*(?:zugang|zugriff|konto)\\w*\\b.{0,80}\\bein")).isEqualTo("all(any(zugang|zugriff|konto), ein)");
        assertThat(read("\\b(?:reset\\w*|re-?rout\\w*)\\b.{0,40}\\b(?:password|mfa)\\b"))
                .isEqualTo("all(any(reset|all(re, rout)), any(password|mfa))");
        assertThat(read("\\bgo\\s+ahead\\b")).isEqualTo("all(go, ahead)");
        assertThat(read("\\bcancel\\w*\\b")).isEqualTo("cancel");
        assertThat(read("a\\.b+c")).isEqualTo("all(a.b, c)");
        assertThat(read("(?:ab){2,}x")).isEqualTo("all(ab, x)");
        assertThat(read("\\b(?:un)?b")).isEqualTo("b");
        assertThat(read("\\bport\\s+\\d{2,5}")).isEqualTo("all(port, any(0|1|2|3|4|5|6|7|8|9))");
        assertThat(read("a\\d?b")).isEqualTo("all(a, b)");
        assertThat(read("[\\w.+-]*@(?:[\\w-]+\\.)*[\\w-]+")).isEqualTo("@");
    }

    @Test
    void knowsNothingWhenAnyBranchNeedsNoLiteral() {
        assertThat(read("\\b(?:un)?\\w+")).isNull();
        assertThat(read("password|\\w+")).isNull();
        assertThat(read("(?:a|)x?")).isNull();
        assertThat(read("(?:abc){0,3}")).isNull();
    }

    @Test
    void refusesSyntaxItDoesNotRead() {
        assertThat(read("(?i)password")).isNull();
        assertThat(read("(?P<x>password)")).isNull();
        assertThat(read("\\x41bc")).isNull();
        assertThat(read("\\pLpassword")).isNull();
        assertThat(read("a{,3}bc")).isNull();
        assertThat(read("\uD83D\uDE00?abc")).isNull();
        assertThat(read("abc)")).isNull();
    }

    private static String read(String regex) {
        return RequiredLiterals.of(regex).map(Requirement::toString).orElse(null);
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
            Requirement requirement = RequiredLiterals.of(term.pattern().pattern()).orElse(null);
            for (String text : texts) {
                com.google.re2j.Matcher m = term.pattern().matcher(text);
                while (m.find()) {
                    matches++;
                    String match = m.group();
                    assertThat(requirement == null || requirement.heldBy(match::contains))
                            .as(term.source() + " matched " + match + " without " + requirement).isTrue();
                    if (m.end() == m.start()) {
                        break;
                    }
                }
            }
        }
        assertThat(matches).isGreaterThan(500);
    }
}
