package org.supportgate.auth.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacker-sized input ends in an assessment, never an exception or unbounded work. */
class HostileInputTest {

    private static Scenario withTenThousandPartnerDomains() {
        Scenario scenario = new Scenario();
        for (int i = 0; i < 10_000; i++) {
            scenario.partnerDomains.add(new KnownPartnerDomain("partner" + i + ".example", "p-" + i));
        }
        return scenario;
    }

    @Test
    void comparesTenThousandPartnerDomains() {
        TrustAssessment assessment = withTenThousandPartnerDomains().from("jane@acrne.example", "Jane").evaluate();

        assertThat(assessment.raised(SignalKind.LOOKALIKE_DOMAIN)).isTrue();
        assertThat(assessment.raised(SignalKind.CHECK_INCOMPLETE)).isFalse();
    }

    @Test
    void comparesADomainOfManyLabelsWithTenThousandPartnerDomains() {
        String domain = "a.".repeat(120) + "evil.example";

        TrustAssessment assessment = withTenThousandPartnerDomains().from("x@" + domain, "X").evaluate();

        assertThat(assessment.assurance()).isEqualTo(Assurance.NONE);
    }

    @Test
    void reportsAtMostTheLookalikeSignalLimit() {
        TrustAssessment assessment = withTenThousandPartnerDomains().from("x@partner-1.example", "X").evaluate();

        assertThat(assessment.signals()).filteredOn(s -> s.kind() == SignalKind.LOOKALIKE_DOMAIN)
                .hasSize(TrustPolicy.defaults().maxLookalikeSignals());
    }

    @Test
    void raisesIncompleteWhenThePartnerDomainLimitIsReached() {
        Scenario scenario = withTenThousandPartnerDomains().from("x@unrelated.example", "X");
        TrustPolicy d = TrustPolicy.defaults();
        scenario.policy = new TrustPolicy(d.contactBurstLimit(), d.partnerBurstLimit(), d.longNameLength(),
                d.longNameDistance(), d.shortNameLength(), d.shortNameDistance(), d.joinedWordLength(), 100,
                d.maxContactNames(), d.maxAddresses(), d.maxNameLength(), d.maxLookalikeSignals());

        TrustAssessment assessment = scenario.evaluate();

        assertThat(assessment.signals()).containsExactly(new TrustSignal(SignalKind.CHECK_INCOMPLETE,
                "From domain unrelated.example was compared with 100 of 10004 partner domains;"
                        + " a lookalike of the others cannot be ruled out"));
        assertThat(assessment.assuranceFor(true)).isEqualTo(Assurance.NONE);
    }

    @Test
    void boundsFiveThousandCharacterDisplayNames() {
        Scenario scenario = new Scenario().from("x@freemail.example", "Jane Doe ".repeat(560));
        for (int i = 0; i < 2_000; i++) {
            scenario.contactNames.add(new KnownContactName("\u0430".repeat(5_000) + i, "c" + i + "@acme.example"));
        }
        scenario.contactNames.add(new KnownContactName("Jane Doe ".repeat(560), "jd@globex.example"));

        TrustAssessment assessment = scenario.evaluate();

        assertThat(assessment.raised(SignalKind.KNOWN_NAME_ON_OTHER_ADDRESS)).isTrue();
        assertThat(assessment.signals()).allSatisfy(s -> assertThat(s.detail()).hasSizeLessThan(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xn--zz.example", "xn--.example", "xn--ls8h.example", "a..example", "\ud800.example"})
    void evaluatesInvalidIdnWithoutThrowing(String domain) {
        Scenario scenario = new Scenario().from("x@" + domain, "\ud800\u202e X");
        scenario.replyTo.add("y@" + domain);
        scenario.sender = "z@" + domain;

        TrustAssessment assessment = scenario.evaluate();

        assertThat(assessment.assurance()).isEqualTo(Assurance.NONE);
        assertThat(assessment.raised(SignalKind.REPLY_TO_OTHER_DOMAIN)).isFalse();
    }

    @Test
    void saysWhenALookalikeDomainIsNotValidIdna() {
        TrustAssessment assessment = new Scenario().from("x@xn--zz.acrne.example", "X").evaluate();

        assertThat(assessment.signals()).extracting(TrustSignal::detail).containsExactly(
                "From domain xn--zz.acrne.example (not valid IDNA) looks like partner domain acme.example"
                        + " of partner p-acme (confusable skeleton)");
    }

    @Test
    void cutsOverlongDomains() {
        String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63)
                + "." + "acme.example";

        TrustAssessment assessment = new Scenario().from("x@" + domain, "X").evaluate();

        assertThat(assessment.assurance()).isEqualTo(Assurance.NONE);
    }

    @Test
    void raisesIncompleteForTooManyReplyToAddresses() {
        Scenario scenario = new Scenario();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            many.add("jane" + i + "@acme.example");
        }
        scenario.replyTo = many;

        assertThat(scenario.evaluate().signals()).containsExactly(new TrustSignal(SignalKind.CHECK_INCOMPLETE,
                "Reply-To has 1000 addresses; only the first 16 were compared with the From domain"));
    }
}
