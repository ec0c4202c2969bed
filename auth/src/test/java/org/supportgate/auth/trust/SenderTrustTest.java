package org.supportgate.auth.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supportgate.auth.dmarc.DmarcResult;

class SenderTrustTest {

    private static List<String> details(TrustAssessment assessment, SignalKind kind) {
        return assessment.signals().stream().filter(s -> s.kind() == kind).map(TrustSignal::detail).toList();
    }

    @Test
    void treatsDmarcAlignedActiveContactAsEmail() {
        TrustAssessment assessment = new Scenario().evaluate();

        assertThat(assessment.assurance()).isEqualTo(Assurance.EMAIL);
        assertThat(assessment.identity()).contains(
                new VerifiedIdentity("jane@acme.example", List.of(IdentityRoute.DMARC_ALIGNED)));
        assertThat(assessment.signals()).isEmpty();
        assertThat(assessment.hijackSuspected()).isFalse();
        assertThat(assessment.assuranceFor(true)).isEqualTo(Assurance.EMAIL);
    }

    @Test
    void neverTrustsFromHeaderAlone() {
        TrustAssessment assessment = new Scenario().dmarcFails().evaluate();

        assertThat(assessment.identity()).isEmpty();
        assertThat(assessment.assurance()).isEqualTo(Assurance.NONE);
        assertThat(assessment.reason()).contains("is not proven: DMARC fail");
    }

    @Test
    void ignoresADmarcPassForAnotherAuthorDomain() {
        Scenario scenario = new Scenario();
        scenario.dmarcAuthorDomain = "other.example";

        assertThat(scenario.evaluate().identity()).isEmpty();
        assertThat(scenario.evaluate().assurance()).isEqualTo(Assurance.NONE);
        assertThat(scenario.evaluate().reason()).contains("DMARC pass for other.example, not the From domain");
    }

    @Test
    void treatsAProvenUnknownSenderAsNone() {
        TrustAssessment assessment = new Scenario().from("bob@bobs-shop.example", "Bob").evaluate();

        assertThat(assessment.identity()).isPresent();
        assertThat(assessment.assurance()).isEqualTo(Assurance.NONE);
        assertThat(assessment.reason()).contains("no registered contact");
        assertThat(assessment.signals()).isEmpty();
    }

    @Test
    void flagsReplyToOnAnotherDomain() {
        Scenario scenario = new Scenario();
        scenario.replyTo.add("jane@evil.example");

        TrustAssessment assessment = scenario.evaluate();

        assertThat(details(assessment, SignalKind.REPLY_TO_OTHER_DOMAIN))
                .containsExactly("Reply-To domain evil.example differs from From domain acme.example");
        assertThat(assessment.hijackSuspected()).isTrue();
        assertThat(assessment.assurance()).isEqualTo(Assurance.EMAIL);
        assertThat(assessment.assuranceFor(true)).isEqualTo(Assurance.NONE);
        assertThat(assessment.assuranceFor(false)).isEqualTo(Assurance.EMAIL);
    }

    @Test
    void acceptsReplyToWithinTheFromOrganisation() {
        Scenario scenario = new Scenario();
        scenario.replyTo.add("helpdesk@support.acme.example");
        scenario.replyTo.add("Jane@ACME.example");

        assertThat(scenario.evaluate().signals()).isEmpty();
    }

    @Test
    void flagsReplyToWithoutAUsableDomain() {
        Scenario scenario = new Scenario();
        scenario.replyTo.add("jane");

        assertThat(details(scenario.evaluate(), SignalKind.REPLY_TO_OTHER_DOMAIN))
                .containsExactly("Reply-To address jane has no usable domain; From domain is acme.example");
    }

    @Test
    void flagsSenderOnAnotherDomain() {
        Scenario scenario = new Scenario();
        scenario.sender = "mailer@bulk-sender.example";

        assertThat(details(scenario.evaluate(), SignalKind.SENDER_OTHER_DOMAIN))
                .containsExactly("Sender domain bulk-sender.example differs from From domain acme.example");
    }

    @Test
    void flagsConfusableLookalikeDomain() {
        TrustAssessment assessment = new Scenario().from("jane@acrne.example", "Jane").evaluate();

        assertThat(details(assessment, SignalKind.LOOKALIKE_DOMAIN)).containsExactly(
                "From domain acrne.example looks like partner domain acme.example of partner p-acme (confusable skeleton)");
        assertThat(assessment.hijackSuspected()).isTrue();
        assertThat(assessment.assuranceFor(true)).isEqualTo(Assurance.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\u0430cme.example        | IDN homograph",
        "acrne.example             | confusable skeleton",
        "acme-support.example      | added words",
        "support-acme.example      | added words",
        "acmeit.example            | words joined or split",
        "it-acme.example           | swapped words",
        "acme.example.evil.example | partner domain embedded in another domain",
        "acme.co                   | same name under another suffix",
        "acne.example              | edit distance",
    })
    void flagsEachKindOfLookalikeDomain(String unicodeDomain, String technique) {
        String domain = java.net.IDN.toASCII(unicodeDomain);

        TrustAssessment assessment = new Scenario().from("jane@" + domain, "Jane").evaluate();

        assertThat(details(assessment, SignalKind.LOOKALIKE_DOMAIN)).anySatisfy(
                detail -> assertThat(detail).startsWith("From domain " + domain).endsWith("(" + technique + ")"));
    }

    @Test
    void flagsIdnHomographWithItsScripts() {
        String homograph = java.net.IDN.toASCII("\u0430cme.example");
        TrustAssessment assessment = new Scenario().from("jane@" + homograph, "Jane").evaluate();

        assertThat(details(assessment, SignalKind.LOOKALIKE_DOMAIN)).containsExactly(
                "From domain " + homograph + " (\u0430cme.example, scripts Cyrillic, Latin) looks like partner domain"
                        + " acme.example of partner p-acme (IDN homograph)");
    }

    @Test
    void doesNotFlagUnrelatedDomain() {
        for (String domain : List.of("zeta.example", "gmail.example", "example.org", "ibx.example", "bank.example")) {
            TrustAssessment assessment = new Scenario().from("x@" + domain, "X").evaluate();
            assertThat(assessment.signals()).as(domain).isEmpty();
        }
    }

    @Test
    void doesNotFlagAPartnerDomainOrItsSubdomains() {
        for (String domain : List.of("acme.example", "mail.acme.example", "acme-it.example", "globex.example")) {
            TrustAssessment assessment = new Scenario().from("x@" + domain, "X").evaluate();
            assertThat(assessment.raised(SignalKind.LOOKALIKE_DOMAIN)).as(domain).isFalse();
        }
    }

    @Test
    void flagsKnownDisplayNameOnAnotherAddress() {
        TrustAssessment assessment = new Scenario().from("jane.doe@freemail.example", "Doe, Jane").evaluate();

        assertThat(details(assessment, SignalKind.KNOWN_NAME_ON_OTHER_ADDRESS)).containsExactly(
                "display name \"Doe, Jane\" is the name of known contact jane@acme.example,"
                        + " but From is jane.doe@freemail.example");
    }

    @Test
    void flagsAConfusableSpellingOfAKnownDisplayName() {
        TrustAssessment assessment = new Scenario().from("j@freemail.example", "J\u0430ne DOE").evaluate();

        assertThat(assessment.raised(SignalKind.KNOWN_NAME_ON_OTHER_ADDRESS)).isTrue();
    }

    @Test
    void flagsAKnownContactAddressShownAsDisplayName() {
        TrustAssessment assessment = new Scenario().from("x@freemail.example", "hank@globex.example").evaluate();

        assertThat(details(assessment, SignalKind.KNOWN_NAME_ON_OTHER_ADDRESS)).containsExactly(
                "display name \"hank@globex.example\" shows known contact address hank@globex.example,"
                        + " but From is x@freemail.example");
    }

    @Test
    void doesNotFlagAContactsOwnName() {
        Scenario scenario = new Scenario();
        scenario.displayName = "JANE DOE";

        assertThat(scenario.evaluate().signals()).isEmpty();
    }

    @Test
    void flagsNeverSeenInfrastructureForKnownContact() {
        Scenario scenario = new Scenario();
        scenario.clientIp = Scenario.ip("203.0.113.9");
        scenario.dkim = List.of(new AuthenticationFacts.DkimPass("acme.example", "attacker", false));

        TrustAssessment assessment = scenario.evaluate();

        assertThat(details(assessment, SignalKind.UNSEEN_INFRASTRUCTURE)).containsExactly(
                "source network 203.0.113.0/24 never seen for jane@acme.example (seen: 192.0.2.0/24);"
                        + " DKIM key d=acme.example s=attacker never seen for jane@acme.example"
                        + " (seen: d=acme.example s=sel1)");
        assertThat(assessment.assuranceFor(true)).isEqualTo(Assurance.NONE);
    }

    @Test
    void flagsAContactThatStoppedSigning() {
        Scenario scenario = new Scenario();
        scenario.dkim = List.of();

        assertThat(details(scenario.evaluate(), SignalKind.UNSEEN_INFRASTRUCTURE)).containsExactly(
                "no passing DKIM signature never seen for jane@acme.example (seen: d=acme.example s=sel1)");
    }

    @Test
    void comparesIpv6SourcesBySlash48() {
        Scenario scenario = new Scenario();
        scenario.history = new SendingHistory(5, List.of(SourceNetwork.of(Scenario.ip("2001:db8:1:2::1"))),
                scenario.history.dkimKeys());
        scenario.clientIp = Scenario.ip("2001:db8:1:ffff::99");
        assertThat(scenario.evaluate().signals()).isEmpty();

        scenario.clientIp = Scenario.ip("2001:db8:2::1");
        assertThat(details(scenario.evaluate(), SignalKind.UNSEEN_INFRASTRUCTURE).getFirst())
                .startsWith("source network 2001:db8:2:0:0:0:0:0/48 never seen");
    }

    @Test
    void treatsAContactsFirstMessageAsUnprovenForSensitiveRequestsOnly() {
        Scenario scenario = new Scenario();
        scenario.history = SendingHistory.empty();

        TrustAssessment assessment = scenario.evaluate();

        assertThat(details(assessment, SignalKind.UNSEEN_INFRASTRUCTURE)).containsExactly(
                "first message from contact jane@acme.example: no sending history to compare source network"
                        + " 192.0.2.0/24 with");
        assertThat(assessment.assuranceFor(false)).isEqualTo(Assurance.EMAIL);
        assertThat(assessment.assuranceFor(true)).isEqualTo(Assurance.NONE);
    }

    @Test
    void flagsDisabledContact() {
        Scenario scenario = new Scenario();
        scenario.contact = Optional.of(new KnownContact("jane@acme.example", "Jane Doe", "p-acme", false, "admin", false));

        TrustAssessment assessment = scenario.evaluate();

        assertThat(details(assessment, SignalKind.DISABLED_CONTACT))
                .containsExactly("contact jane@acme.example of partner p-acme is disabled");
        assertThat(assessment.assurance()).isEqualTo(Assurance.NONE);
        assertThat(assessment.assuranceFor(false)).isEqualTo(Assurance.NONE);
    }

    @Test
    void flagsBurstOfSensitiveRequests() {
        assertThat(new Scenario().recent(2, 9).evaluate().signals()).isEmpty();

        TrustAssessment assessment = new Scenario().recent(3, 10).evaluate();

        assertThat(details(assessment, SignalKind.SENSITIVE_REQUEST_BURST)).containsExactly(
                "3 sensitive requests from jane@acme.example in the last 60 minutes (limit 3)",
                "10 sensitive requests from partner p-acme in the last 60 minutes (limit 10)");
        assertThat(assessment.assuranceFor(true)).isEqualTo(Assurance.NONE);
    }

    @Test
    void flagsDkimPassOnlyThroughLengthLimitedSignature() {
        Scenario scenario = new Scenario();
        scenario.spfAligned = false;
        scenario.dkim = List.of(
                new AuthenticationFacts.DkimPass("acme.example", "sel1", true),
                new AuthenticationFacts.DkimPass("esp.example", "k1", false));

        TrustAssessment assessment = scenario.evaluate();

        assertThat(details(assessment, SignalKind.LENGTH_LIMITED_DKIM_ONLY)).containsExactly(
                "DMARC passed for acme.example only through DKIM signatures with l= that leave part of the body"
                        + " unsigned (d=acme.example s=sel1); SPF was not aligned");
        assertThat(assessment.identity()).isEmpty();
        assertThat(assessment.assurance()).isEqualTo(Assurance.NONE);
        assertThat(assessment.reason()).contains("DMARC pass only through l=-limited DKIM");
    }

    @Test
    void acceptsALengthLimitedSignatureWhenSomethingElseAligns() {
        Scenario spf = new Scenario();
        spf.dkim = List.of(new AuthenticationFacts.DkimPass("acme.example", "sel1", true));
        assertThat(spf.evaluate().assurance()).isEqualTo(Assurance.EMAIL);
        assertThat(spf.evaluate().raised(SignalKind.LENGTH_LIMITED_DKIM_ONLY)).isFalse();

        Scenario fullSignature = new Scenario();
        fullSignature.spfAligned = false;
        fullSignature.dkim = List.of(
                new AuthenticationFacts.DkimPass("acme.example", "sel1", true),
                new AuthenticationFacts.DkimPass("mail.acme.example", "sel1", false));
        assertThat(fullSignature.evaluate().raised(SignalKind.LENGTH_LIMITED_DKIM_ONLY)).isFalse();
    }

    @Test
    void acceptsTrustedArcSealerDmarcPassForForwardedMail() {
        Scenario scenario = new Scenario().dmarcFails();
        scenario.trustedArc = true;
        scenario.arcSealer = "lists.example";
        scenario.dkim = List.of(new AuthenticationFacts.DkimPass("acme.example", "sel1", false));

        TrustAssessment assessment = scenario.evaluate();

        assertThat(assessment.identity()).contains(
                new VerifiedIdentity("jane@acme.example", List.of(IdentityRoute.TRUSTED_ARC)));
        assertThat(assessment.assurance()).isEqualTo(Assurance.EMAIL);
        assertThat(assessment.reason()).endsWith("(ARC sealer lists.example)");
    }

    @Test
    void signedNeedsPinnedCertificate() {
        Scenario pinned = new Scenario();
        pinned.smime = new SmimeFacts(SmimeFacts.Status.VALID_PINNED, "CN=Jane Doe", "ab12");
        assertThat(pinned.evaluate().assurance()).isEqualTo(Assurance.SIGNED);
        assertThat(pinned.evaluate().identity().orElseThrow().routes())
                .containsExactly(IdentityRoute.DMARC_ALIGNED, IdentityRoute.SMIME_PINNED);

        Scenario otherCertificate = new Scenario();
        otherCertificate.smime = new SmimeFacts(SmimeFacts.Status.VALID_NOT_PINNED, "CN=Jane Doe", "ff99");
        TrustAssessment other = otherCertificate.evaluate();
        assertThat(other.assurance()).isEqualTo(Assurance.EMAIL);
        assertThat(details(other, SignalKind.UNPINNED_SMIME_SIGNER)).containsExactly(
                "S/MIME signature by CN=Jane Doe (SHA-256 ff99) is valid but not the certificate pinned for"
                        + " jane@acme.example");

        Scenario noPin = new Scenario();
        noPin.contact = Optional.of(new KnownContact("jane@acme.example", "Jane Doe", "p-acme", true, "admin", false));
        noPin.smime = new SmimeFacts(SmimeFacts.Status.VALID_PINNED, "CN=Jane Doe", "ab12");
        assertThat(noPin.evaluate().assurance()).isEqualTo(Assurance.EMAIL);
        assertThat(noPin.evaluate().identity().orElseThrow().routes()).containsExactly(IdentityRoute.DMARC_ALIGNED);
    }

    @Test
    void provesIdentityByPinnedSignatureAloneButGradesItEmail() {
        Scenario scenario = new Scenario().dmarcFails();
        scenario.smime = new SmimeFacts(SmimeFacts.Status.VALID_PINNED, "CN=Jane Doe", "ab12");

        TrustAssessment assessment = scenario.evaluate();

        assertThat(assessment.identity().orElseThrow().routes()).containsExactly(IdentityRoute.SMIME_PINNED);
        assertThat(assessment.assurance()).isEqualTo(Assurance.EMAIL);
    }

    @Test
    void neverGradesAboveSignedFromMail() {
        Scenario scenario = new Scenario();
        scenario.trustedArc = true;
        scenario.smime = new SmimeFacts(SmimeFacts.Status.VALID_PINNED, "CN=Jane Doe", "ab12");

        assertThat(scenario.evaluate().assurance()).isEqualTo(Assurance.SIGNED);
    }

    @Test
    void replacesControlAndBidiCharactersInDetails() {
        Scenario scenario = new Scenario();
        scenario.replyTo.add("x@evil\u202e.example");
        scenario.replyTo.add("x@evil.example\r\nInjected: yes");

        List<String> details = details(scenario.evaluate(), SignalKind.REPLY_TO_OTHER_DOMAIN);

        assertThat(details).hasSize(2).allSatisfy(d -> assertThat(d).doesNotContain("\r", "\n", "\u202e"));
    }

    @Test
    void refusesAContactThatIsNotTheFromAddress() {
        Scenario scenario = new Scenario();
        scenario.fromAddress = "mallory@acme.example";

        assertThatThrownBy(scenario::facts).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the From address");
    }

    @Test
    void treatsADmarcTemporaryErrorAsUnproven() {
        Scenario scenario = new Scenario();
        scenario.dmarc = DmarcResult.TEMPERROR;

        assertThat(scenario.evaluate().assurance()).isEqualTo(Assurance.NONE);
    }
}
