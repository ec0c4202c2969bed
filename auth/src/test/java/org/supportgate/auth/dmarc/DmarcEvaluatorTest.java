package org.supportgate.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DmarcEvaluatorTest {

    /** A partner with a relaxed reject policy and a strict subdomain, plus a few odd neighbours. */
    private static final Zone PARTNER = Zone.of("""
            _dmarc.partner.example          TXT "v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:d@partner.example"
            partner.example                 A   192.0.2.10
            support.partner.example         MX  10 mx.partner.example
            _dmarc.strict.partner.example   TXT "v=DMARC1; p=reject; adkim=s; aspf=s"
            strict.partner.example          A   192.0.2.11
            other.example                   A   192.0.2.20
            _dmarc.other.example            TXT "v=DMARC1; p=reject"
            """);

    private static DmarcVerdict evaluate(Zone zone, String from, Optional<SpfIdentity> spf, DkimIdentity... dkim) {
        return new DmarcEvaluator(zone).evaluate(new DmarcInput(List.of(from), spf, List.of(dkim)));
    }

    private static Optional<SpfIdentity> spfPass(String domain) {
        return Optional.of(new SpfIdentity(domain, true));
    }

    private static DkimIdentity dkimPass(String domain) {
        return new DkimIdentity(domain, true);
    }

    @Test
    void passesViaAlignedDkim() {
        DmarcVerdict v = evaluate(PARTNER, "partner.example", Optional.empty(), dkimPass("partner.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.PASS);
        assertThat(v.dkimAligned()).isTrue();
        assertThat(v.spfAligned()).isFalse();
        assertThat(v.policyDomain()).isEqualTo("partner.example");
        assertThat(v.organizationalDomain()).isEqualTo("partner.example");
        assertThat(v.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
    }

    @Test
    void passesViaAlignedSpf() {
        DmarcVerdict v = evaluate(PARTNER, "partner.example", spfPass("partner.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.PASS);
        assertThat(v.spfAligned()).isTrue();
    }

    @Test
    void spfThatDidNotPassNeverAligns() {
        DmarcVerdict v = evaluate(PARTNER, "partner.example", Optional.of(new SpfIdentity("partner.example", false)));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
    }

    @Test
    void dkimSignatureThatDidNotPassNeverAligns() {
        DmarcVerdict v = evaluate(PARTNER, "partner.example", Optional.empty(),
                new DkimIdentity("partner.example", false), dkimPass("other.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
    }

    @Test
    void relaxedAlignmentAcceptsASubdomainOfTheOrganizationalDomain() {
        DmarcVerdict v = evaluate(PARTNER, "support.partner.example",
                spfPass("bounces.mail.partner.example"), dkimPass("PARTNER.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.PASS);
        assertThat(v.spfAligned()).isTrue();
        assertThat(v.dkimAligned()).isTrue();
        assertThat(v.policyDomain()).isEqualTo("partner.example");
        assertThat(v.organizationalDomain()).isEqualTo("partner.example");
    }

    @Test
    void strictAlignmentDoesNotAcceptTheParentDomain() {
        DmarcVerdict v = evaluate(PARTNER, "strict.partner.example",
                spfPass("partner.example"), dkimPass("partner.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.policyDomain()).isEqualTo("strict.partner.example");
        assertThat(v.appliedPolicy()).as("record at the author domain: p").isEqualTo(DmarcPolicy.REJECT);
    }

    @Test
    void strictAlignmentAcceptsTheIdenticalDomain() {
        DmarcVerdict v = evaluate(PARTNER, "strict.partner.example", Optional.empty(),
                dkimPass("Strict.Partner.Example."));
        assertThat(v.result()).isEqualTo(DmarcResult.PASS);
    }

    @Test
    void unrelatedDomainsDoNotAlign() {
        DmarcVerdict v = evaluate(PARTNER, "partner.example", spfPass("other.example"), dkimPass("other.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.reason()).contains("p=reject");
    }

    @Test
    void theOrganizationalDomainItselfGetsP() {
        assertThat(evaluate(PARTNER, "partner.example", Optional.empty()).appliedPolicy())
                .isEqualTo(DmarcPolicy.REJECT);
    }

    @Test
    void anExistingSubdomainGetsSp() {
        DmarcVerdict v = evaluate(PARTNER, "support.partner.example", Optional.empty(), dkimPass("other.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.policyDomain()).isEqualTo("partner.example");
        assertThat(v.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(v.reason()).contains("sp=quarantine");
    }

    @Test
    void aNonExistentSubdomainGetsNp() {
        DmarcVerdict v = evaluate(PARTNER, "no-such-host.partner.example", Optional.empty());
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(v.reason()).contains("np=reject");
    }

    @Test
    void aNonExistentSubdomainFallsBackToSpThenP() {
        Zone zone = Zone.of("""
                _dmarc.a.example TXT "v=DMARC1; p=reject; sp=none"
                _dmarc.b.example TXT "v=DMARC1; p=quarantine"
                """);
        assertThat(evaluate(zone, "ghost.a.example", Optional.empty()).appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
        assertThat(evaluate(zone, "ghost.b.example", Optional.empty()).appliedPolicy())
                .isEqualTo(DmarcPolicy.QUARANTINE);
    }

    @Test
    void aSubdomainWithItsOwnRecordGetsItsOwnP() {
        Zone zone = Zone.of("""
                _dmarc.example.org      TXT "v=DMARC1; p=none"
                _dmarc.news.example.org TXT "v=DMARC1; p=quarantine; sp=none"
                news.example.org        A   192.0.2.1
                """);
        DmarcVerdict v = evaluate(zone, "news.example.org", Optional.empty());
        assertThat(v.policyDomain()).isEqualTo("news.example.org");
        assertThat(v.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(v.organizationalDomain()).isEqualTo("example.org");
    }

    @Test
    void publicSuffixOperatorPolicyAppliesBelowPsdYes() {
        // Only the PSO publishes: _dmarc.bank is psd=y, so the organizational domain of
        // mail.acme.bank is acme.bank and the PSD's policy applies to it as a subdomain.
        Zone zone = Zone.of("""
                _dmarc.bank     TXT "v=DMARC1; p=reject; sp=quarantine; np=reject; psd=y"
                mail.acme.bank  A   192.0.2.30
                """);
        DmarcVerdict v = evaluate(zone, "mail.acme.bank", Optional.empty(), dkimPass("other.bank"));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.policyDomain()).isEqualTo("bank");
        assertThat(v.organizationalDomain()).isEqualTo("acme.bank");
        assertThat(v.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
    }

    @Test
    void psdYesSeparatesSiblingOrganizations() {
        Zone zone = Zone.of("""
                _dmarc.bank TXT "v=DMARC1; p=reject; psd=y"
                acme.bank   A   192.0.2.30
                """);
        DmarcVerdict v = evaluate(zone, "acme.bank", spfPass("evil.bank"), dkimPass("mail.evil.bank"));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.organizationalDomain()).isEqualTo("acme.bank");
        // and a subdomain of the same organization still aligns
        assertThat(evaluate(zone, "acme.bank", Optional.empty(), dkimPass("mail.acme.bank")).result())
                .isEqualTo(DmarcResult.PASS);
    }

    @Test
    void organizationRecordIsPreferredOverThePublicSuffixRecord() {
        Zone zone = Zone.of("""
                _dmarc.bank      TXT "v=DMARC1; p=reject; psd=y"
                _dmarc.acme.bank TXT "v=DMARC1; p=none"
                mail.acme.bank   A   192.0.2.30
                """);
        DmarcVerdict v = evaluate(zone, "mail.acme.bank", Optional.empty());
        assertThat(v.policyDomain()).isEqualTo("acme.bank");
        assertThat(v.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
    }

    @Test
    void psdNoMakesADepartmentItsOwnOrganization() {
        Zone zone = Zone.of("""
                _dmarc.example.com      TXT "v=DMARC1; p=reject"
                _dmarc.dept.example.com TXT "v=DMARC1; p=quarantine; psd=n"
                mail.dept.example.com   A   192.0.2.40
                """);
        DmarcVerdict v = evaluate(zone, "mail.dept.example.com", Optional.empty(), dkimPass("example.com"));
        assertThat(v.result()).as("example.com is another organization now").isEqualTo(DmarcResult.FAIL);
        assertThat(v.organizationalDomain()).isEqualTo("dept.example.com");
        assertThat(v.policyDomain()).isEqualTo("dept.example.com");
        assertThat(v.appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(evaluate(zone, "mail.dept.example.com", Optional.empty(), dkimPass("x.dept.example.com")).result())
                .isEqualTo(DmarcResult.PASS);
    }

    @Test
    void longAuthorDomainSkipsLabelsAndStillFindsTheApexPolicy() {
        Zone zone = Zone.of("""
                _dmarc.example.com   TXT "v=DMARC1; p=reject; sp=reject"
                a.b.c.d.e.f.g.h.i.j.mail.example.com A 192.0.2.50
                """);
        DmarcVerdict v = evaluate(zone, "a.b.c.d.e.f.g.h.i.j.mail.example.com", Optional.empty(),
                dkimPass("example.com"));
        assertThat(v.result()).isEqualTo(DmarcResult.PASS);
        assertThat(v.organizationalDomain()).isEqualTo("example.com");
        assertThat(zone.txtQueries).hasSizeLessThanOrEqualTo(TreeWalk.MAX_QUERIES);
    }

    @Test
    void testModeAppliesThePolicyOneLevelBelow() {
        Zone zone = Zone.of("""
                _dmarc.r.example TXT "v=DMARC1; p=reject; t=y"
                _dmarc.q.example TXT "v=DMARC1; p=quarantine; t=y"
                """);
        assertThat(evaluate(zone, "r.example", Optional.empty()).appliedPolicy()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(evaluate(zone, "q.example", Optional.empty()).appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
    }

    @Test
    void noRecordGivesNone() {
        DmarcVerdict v = evaluate(Zone.of("nodmarc.example A 192.0.2.1"), "nodmarc.example", spfPass("nodmarc.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.NONE);
        assertThat(v.policyDomain()).isEmpty();
        assertThat(v.organizationalDomain()).isEqualTo("nodmarc.example");
    }

    @Test
    void twoDmarcRecordsAreTreatedAsNone() {
        Zone zone = Zone.of("""
                _dmarc.twice.example TXT "v=DMARC1; p=reject"
                _dmarc.twice.example TXT "v=DMARC1; p=none"
                _dmarc.twice.example TXT "google-site-verification=abc"
                """);
        DmarcVerdict v = evaluate(zone, "twice.example", Optional.empty());
        assertThat(v.result()).isEqualTo(DmarcResult.NONE);
    }

    @Test
    void nonDmarcTxtRecordsBesideOneDmarcRecordAreIgnored() {
        Zone zone = Zone.of("""
                _dmarc.once.example TXT "v=spf1 -all"
                _dmarc.once.example TXT "v=DMARC1; " "p=reject"
                """);
        assertThat(evaluate(zone, "once.example", Optional.empty()).appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
    }

    @Test
    void malformedRecordsGiveNoneOrPNoneAsTheRfcSays() {
        Zone zone = Zone.of("""
                _dmarc.notfirst.example TXT "p=reject; v=DMARC1"
                _dmarc.badp.example     TXT "v=DMARC1; p=rejekt"
                _dmarc.badprua.example  TXT "v=DMARC1; p=rejekt; rua=mailto:r@badprua.example"
                _dmarc.nop.example      TXT "v=DMARC1; adkim=s"
                """);
        assertThat(evaluate(zone, "notfirst.example", Optional.empty()).result()).isEqualTo(DmarcResult.NONE);
        assertThat(evaluate(zone, "badp.example", Optional.empty()).result()).isEqualTo(DmarcResult.NONE);
        DmarcVerdict asNone = evaluate(zone, "badprua.example", Optional.empty());
        assertThat(asNone.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(asNone.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
        DmarcVerdict noP = evaluate(zone, "nop.example", Optional.empty());
        assertThat(noP.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(noP.appliedPolicy()).isEqualTo(DmarcPolicy.NONE);
    }

    @Test
    void temporaryErrorAtTheAuthorDomainGivesTemperror() {
        Zone zone = Zone.of("_dmarc.slow.example TIMEOUT");
        DmarcVerdict v = evaluate(zone, "slow.example", spfPass("slow.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.TEMPERROR);
        assertThat(v.reason()).contains("_dmarc.slow.example");
    }

    @Test
    void temporaryErrorHigherUpTheWalkGivesTemperrorWhenNoRecordWasFoundBelow() {
        Zone zone = Zone.of("_dmarc.example.net TIMEOUT");
        assertThat(evaluate(zone, "mail.example.net", Optional.empty()).result()).isEqualTo(DmarcResult.TEMPERROR);
    }

    @Test
    void temporaryErrorWhileComparingOrganizationsGivesTemperror() {
        Zone zone = Zone.of("""
                _dmarc.mail.example.net TXT "v=DMARC1; p=reject"
                _dmarc.example.net      TIMEOUT
                """);
        DmarcVerdict v = evaluate(zone, "mail.example.net", Optional.empty(), dkimPass("example.net"));
        assertThat(v.result()).isEqualTo(DmarcResult.TEMPERROR);
    }

    @Test
    void temporaryErrorNotNeededForTheDecisionDoesNotMatter() {
        Zone zone = Zone.of("""
                _dmarc.mail.example.net TXT "v=DMARC1; p=reject"
                _dmarc.example.net      TIMEOUT
                """);
        DmarcVerdict v = evaluate(zone, "mail.example.net", Optional.empty(), dkimPass("mail.example.net"));
        assertThat(v.result()).isEqualTo(DmarcResult.PASS);
        assertThat(v.organizationalDomain()).as("not determinable").isEmpty();
    }

    @Test
    void temporaryErrorCheckingExistenceForNpGivesTemperror() {
        Zone zone = Zone.of("""
                _dmarc.example.net   TXT "v=DMARC1; p=reject; np=quarantine"
                ghost.example.net    TIMEOUT
                """);
        assertThat(evaluate(zone, "ghost.example.net", Optional.empty()).result()).isEqualTo(DmarcResult.TEMPERROR);
    }

    @Test
    void severalFromDomainsFailWithAReason() {
        DmarcVerdict v = new DmarcEvaluator(PARTNER).evaluate(new DmarcInput(
                List.of("partner.example", "other.example"), spfPass("partner.example"),
                List.of(dkimPass("partner.example"))));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.reason()).contains("2 addresses");
    }

    @Test
    void noFromFailsWithAReason() {
        DmarcVerdict v = new DmarcEvaluator(PARTNER).evaluate(List.of(), spfPass("partner.example"),
                List.of(dkimPass("partner.example")));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.reason()).contains("no From");
    }

    @Test
    void twoFromFieldsFail() {
        DmarcVerdict v = new DmarcEvaluator(PARTNER).evaluate(
                List.of("a@partner.example", "b@partner.example"), Optional.empty(), List.of(dkimPass("partner.example")));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.reason()).contains("2 From header fields");
    }

    @Test
    void twoAddressesInOneFromFieldFailEvenWithTheSameDomain() {
        DmarcVerdict v = new DmarcEvaluator(PARTNER).evaluate(
                List.of("a@partner.example, b@partner.example"), Optional.empty(), List.of(dkimPass("partner.example")));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
    }

    @Test
    void fromWithoutADomainFails() {
        DmarcVerdict v = new DmarcEvaluator(PARTNER).evaluate(
                List.of("Undisclosed <postmaster>"), Optional.empty(), List.of(dkimPass("partner.example")));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.reason()).contains("without a domain");
    }

    @Test
    void invalidFromDomainFails() {
        DmarcVerdict v = evaluate(PARTNER, "bad_domain..example", Optional.empty(), dkimPass("partner.example"));
        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
    }

    @Test
    void passesFromARawFromHeaderWithDisplayName() {
        DmarcVerdict v = new DmarcEvaluator(PARTNER).evaluate(
                List.of("\"Support, Partner\" <Help@Support.Partner.Example>"), Optional.empty(),
                List.of(dkimPass("partner.example")));
        assertThat(v.result()).isEqualTo(DmarcResult.PASS);
        assertThat(v.fromDomain()).isEqualTo("support.partner.example");
    }

    @Test
    void internationalizedFromDomainIsComparedAsALabels() {
        Zone zone = Zone.of("""
                _dmarc.xn--bcher-kva.example TXT "v=DMARC1; p=reject"
                """);
        DmarcVerdict v = new DmarcEvaluator(zone).evaluate(
                List.of("Bücher <info@Bücher.example>"), Optional.empty(), List.of(dkimPass("xn--bcher-kva.example")));
        assertThat(v.result()).isEqualTo(DmarcResult.PASS);
        assertThat(v.fromDomain()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void unrelatedIdentifiersCostNoDnsWalk() {
        Zone zone = Zone.of("""
                _dmarc.partner.example TXT "v=DMARC1; p=reject"
                """);
        evaluate(zone, "partner.example", spfPass("bulk.sender.net"), dkimPass("sender.net"));
        assertThat(zone.txtQueries).noneMatch(q -> q.endsWith(".net"));
    }

    @Test
    void anIdenticalSignatureDomainAlignsBehindManyOthers() {
        DkimIdentity[] signatures = new DkimIdentity[30];
        for (int i = 0; i < 29; i++) {
            signatures[i] = dkimPass("s" + i + ".other.example");
        }
        signatures[29] = dkimPass("partner.example");
        Zone zone = Zone.of("_dmarc.partner.example TXT \"v=DMARC1; p=reject\"");
        assertThat(evaluate(zone, "partner.example", Optional.empty(), signatures).result()).isEqualTo(DmarcResult.PASS);
    }
}
