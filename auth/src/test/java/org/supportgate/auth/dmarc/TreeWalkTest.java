package org.supportgate.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TreeWalkTest {

    private static String organizationOf(String domain, Zone zone) {
        return OrganizationalDomain.of(TreeWalk.from(domain, new RecordLookup(zone)));
    }

    @Test
    void shortensALongNameToSevenLabelsSoTheWalkStaysWithinEightQueries() {
        // The example of RFC 9989 section 4.10.
        Zone zone = Zone.of("example.com EXISTS");
        TreeWalk.from("a.b.c.d.e.f.g.h.i.j.mail.example.com", new RecordLookup(zone));
        assertThat(zone.txtQueries).containsExactly(
                "_dmarc.a.b.c.d.e.f.g.h.i.j.mail.example.com",
                "_dmarc.g.h.i.j.mail.example.com",
                "_dmarc.h.i.j.mail.example.com",
                "_dmarc.i.j.mail.example.com",
                "_dmarc.j.mail.example.com",
                "_dmarc.mail.example.com",
                "_dmarc.example.com",
                "_dmarc.com");
    }

    @Test
    void walksOneLabelAtATimeBelowEightLabels() {
        Zone zone = Zone.of("example.com EXISTS");
        TreeWalk.from("a.mail.example.com", new RecordLookup(zone));
        assertThat(zone.txtQueries).containsExactly(
                "_dmarc.a.mail.example.com", "_dmarc.mail.example.com", "_dmarc.example.com", "_dmarc.com");
    }

    @Test
    void neverMakesMoreThanEightQueriesForAnyLength() {
        String name = "x.".repeat(120) + "example.com";
        Zone zone = Zone.of("example.com EXISTS");
        TreeWalk.from(name, new RecordLookup(zone));
        assertThat(zone.txtQueries).hasSize(TreeWalk.MAX_QUERIES);
        assertThat(zone.txtQueries.get(1)).isEqualTo("_dmarc.x.x.x.x.x.example.com");
    }

    @Test
    void skipsARecordBetweenTheFirstNameAndTheSevenLabelShortening() {
        // RFC 9989 section 5.1 ("A Note on Large, Complex Organizations"): a psd=n record at b.c.d.e.f.g.example.com is never seen from
        // mail.a.b.c.d.e.f.g.example.com, so the apex record decides.
        Zone zone = Zone.of("""
                _dmarc.b.c.d.e.f.g.example.com TXT "v=DMARC1; p=none; psd=n"
                _dmarc.example.com             TXT "v=DMARC1; p=reject"
                """);
        assertThat(organizationOf("mail.a.b.c.d.e.f.g.example.com", zone)).isEqualTo("example.com");
        assertThat(zone.txtQueries).doesNotContain("_dmarc.b.c.d.e.f.g.example.com");
    }

    @Test
    void organizationalDomainIsTheRecordWithFewestLabels() {
        Zone zone = Zone.of("""
                _dmarc.mail.example.com TXT "v=DMARC1; p=none"
                _dmarc.example.com      TXT "v=DMARC1; p=reject"
                """);
        assertThat(organizationOf("a.mail.example.com", zone)).isEqualTo("example.com");
    }

    @Test
    void psdNoMakesThatDomainTheOrganizationalDomainAndStopsTheWalk() {
        Zone zone = Zone.of("""
                _dmarc.mail.example.com TXT "v=DMARC1; p=none; psd=n"
                _dmarc.example.com      TXT "v=DMARC1; p=reject"
                """);
        assertThat(organizationOf("a.mail.example.com", zone)).isEqualTo("mail.example.com");
        assertThat(zone.txtQueries).containsExactly("_dmarc.a.mail.example.com", "_dmarc.mail.example.com");
    }

    @Test
    void psdYesMakesTheDomainOneLabelBelowTheOrganizationalDomain() {
        Zone zone = Zone.of("""
                _dmarc.com TXT "v=DMARC1; p=reject; psd=y"
                """);
        assertThat(organizationOf("a.mail.example.com", zone)).isEqualTo("example.com");
    }

    @Test
    void psdYesAtTheStartingDomainMakesItItsOwnOrganizationalDomain() {
        Zone zone = Zone.of("""
                _dmarc.gov.example TXT "v=DMARC1; p=reject; psd=y"
                """);
        assertThat(organizationOf("gov.example", zone)).isEqualTo("gov.example");
        assertThat(zone.txtQueries).containsExactly("_dmarc.gov.example");
    }

    @Test
    void withoutAnyRecordTheStartingDomainIsItsOwnOrganizationalDomain() {
        assertThat(organizationOf("a.mail.example.com", Zone.of("example.com EXISTS")))
                .isEqualTo("a.mail.example.com");
    }

    @Test
    void aNameWithTwoDmarcRecordsCountsAsHavingNone() {
        Zone zone = Zone.of("""
                _dmarc.mail.example.com TXT "v=DMARC1; p=none; psd=n"
                _dmarc.mail.example.com TXT "v=DMARC1; p=reject; psd=n"
                _dmarc.example.com      TXT "v=DMARC1; p=quarantine"
                """);
        assertThat(organizationOf("a.mail.example.com", zone)).isEqualTo("example.com");
    }

    @Test
    void aTemporaryErrorLeavesTheWalkIncomplete() {
        Zone zone = Zone.of("_dmarc.example.com TIMEOUT");
        TreeWalk.Walk walk = TreeWalk.from("mail.example.com", new RecordLookup(zone));
        assertThat(walk.failure()).isPresent();
        assertThat(OrganizationalDomain.ofIfComplete(walk)).isEmpty();
    }
}
