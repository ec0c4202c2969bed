package org.supportgate.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.dns.StaticDnsResolver;

/**
 * Hostile From fields, identifiers and DNS answers: each gets the result RFC 9989 (and this
 * gateway's reading of section 5.3.1) names, in bounded time, and nothing escapes
 * {@link DmarcEvaluator} as an exception.
 */
class DmarcBadInputTest {

    /** Far above what any of these takes, far below what a hang would. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String POLICY = "v=DMARC1; p=reject";

    private static DmarcVerdict evaluate(DnsResolver dns, String fromValue, DkimIdentity... dkim) {
        DmarcEvaluator evaluator = new DmarcEvaluator(dns);
        return assertTimeoutPreemptively(BOUND,
                () -> evaluator.evaluate(List.of(fromValue), Optional.empty(), List.of(dkim)));
    }

    private static String longDomain(int octets) {
        StringBuilder name = new StringBuilder();
        while (name.length() < octets - 4) {
            name.append("a".repeat(Math.min(60, octets - 5 - name.length()))).append('.');
        }
        return name.append("com").toString();
    }

    @Test
    void fromDomainOver253OctetsFailsWithoutAQuery() {
        String domain = longDomain(260);
        assertThat(domain.length()).isGreaterThan(253);
        Zone zone = Zone.of("");

        DmarcVerdict v = evaluate(zone, "Mallory <m@" + domain + ">", new DkimIdentity(domain, true));

        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.reason()).contains("From");
        assertThat(zone.txtQueries).isEmpty();
    }

    @Test
    void signingDomainOver253OctetsNeverAligns() {
        String domain = longDomain(270);
        StaticDnsResolver dns = StaticDnsResolver.builder().txt("_dmarc.example.com", POLICY).build();

        DmarcVerdict v = evaluate(dns, "alice@example.com", new DkimIdentity(domain + ".example.com", true),
                new DkimIdentity("example.com." + domain, true));

        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.dkimAligned()).isFalse();
    }

    @Test
    void hundredKilobyteFromFieldFails() {
        String from = "Alice " + "<alice@example.com>, ".repeat(5_000);
        assertThat(from.length()).isGreaterThan(100_000);

        DmarcVerdict v = evaluate(StaticDnsResolver.builder().build(), from);

        assertThat(v.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(v.reason()).contains("too long");
    }

    @Test
    void fiveThousandTxtRecordsWithOneDmarcRecordAmongThemApplyIt() {
        StaticDnsResolver.Builder dns = StaticDnsResolver.builder();
        for (int i = 0; i < 5_000; i++) {
            dns.txt("_dmarc.example.com", "site-verification=" + i);
        }
        dns.txt("_dmarc.example.com", POLICY);

        DmarcVerdict v = evaluate(dns.build(), "alice@example.com", new DkimIdentity("example.com", true));

        assertThat(v.result()).isEqualTo(DmarcResult.PASS);
        assertThat(v.policyDomain()).isEqualTo("example.com");
    }

    @Test
    void fiveThousandDmarcRecordsAreAllDiscardedSoDmarcDoesNotApply() {
        // Section 4.10 steps 2 and 6: several DMARC Policy Records at one name are all discarded.
        StaticDnsResolver.Builder dns = StaticDnsResolver.builder();
        for (int i = 0; i < 5_000; i++) {
            dns.txt("_dmarc.example.com", POLICY + "; pct=" + (i % 100));
        }

        DmarcVerdict v = evaluate(dns.build(), "alice@example.com");

        assertThat(v.result()).isEqualTo(DmarcResult.NONE);
    }
}
