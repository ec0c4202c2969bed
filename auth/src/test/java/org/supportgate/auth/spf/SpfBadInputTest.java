package org.supportgate.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.dns.StaticDnsResolver;

/**
 * Hostile SPF records and hostile DNS: each gets the result RFC 7208 names, in bounded time, and
 * nothing escapes {@link SpfEvaluator} as an exception.
 */
class SpfBadInputTest {

    /** Far above what any of these takes, far below what a hang would. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final InetAddress CLIENT = SpfConformanceTest.literal("192.0.2.10");

    private static SpfVerdict mailFrom(StaticDnsResolver.Builder zone, String sender) {
        SpfEvaluator evaluator = new SpfEvaluator(zone.build(), SpfLimits.rfc7208());
        return assertTimeoutPreemptively(BOUND, () -> evaluator.checkMailFrom(CLIENT, sender, "mx.example.org"));
    }

    private static String longDomain(int octets) {
        StringBuilder name = new StringBuilder();
        while (name.length() < octets - 4) {
            name.append("a".repeat(Math.min(60, octets - 5 - name.length()))).append('.');
        }
        return name.append("com").toString();
    }

    @Test
    void includeLoopThroughThreeDomainsIsPermerror() {
        var zone = StaticDnsResolver.builder()
                .txt("example.com", "v=spf1 include:one.example -all")
                .txt("one.example", "v=spf1 include:two.example -all")
                .txt("two.example", "v=spf1 include:example.com -all");

        SpfVerdict verdict = mailFrom(zone, "a@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void includeFanOutStopsAtTenDnsTermsAsPermerror() {
        // Every record includes ten more: without the section 4.6.4 limit, 10^depth lookups.
        var zone = StaticDnsResolver.builder();
        String name = "example.com";
        for (int depth = 0; depth < 12; depth++, name = "n." + name) {
            StringBuilder record = new StringBuilder("v=spf1");
            for (int i = 0; i < 10; i++) {
                record.append(" include:n").append(i).append('.').append(name);
            }
            zone.txt(name, record.append(" -all").toString());
            for (int i = 0; i < 10; i++) {
                zone.cname("n" + i + "." + name, "n." + name);
            }
        }

        SpfVerdict verdict = mailFrom(zone, "a@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(verdict.problem()).contains("DNS-querying terms");
    }

    @Test
    void macroBombAimedAtAVictimStopsAtTheVoidLookupLimitAsPermerror() {
        // Section 11.5.3: macros can turn each check into queries at a third party's names.
        StringBuilder record = new StringBuilder("v=spf1");
        for (int i = 0; i < 10; i++) {
            record.append(" exists:%{l}.%{i}.").append(i).append(".victim.example");
        }

        SpfVerdict verdict = mailFrom(StaticDnsResolver.builder().txt("example.com", record + " -all"),
                "someone-" + "x".repeat(50) + "@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(verdict.problem()).contains("void");
    }

    @Test
    void macroExpansionBombIsPermerror() {
        String record = "v=spf1 exists:" + "%{l}%{l}%{l}%{l}".repeat(100) + ".example.com -all";

        SpfVerdict verdict = mailFrom(StaticDnsResolver.builder().txt("example.com", record),
                "y".repeat(500) + "@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(verdict.problem()).contains("macro expansion");
    }

    @Test
    void mailFromDomainOver253OctetsIsNone() {
        // Section 4.3: a malformed domain makes check_host() return "none" at once.
        String domain = longDomain(260);
        assertThat(domain.length()).isGreaterThan(253);
        var zone = StaticDnsResolver.builder().txt(domain, "v=spf1 +all").timeout("example.com");

        SpfVerdict verdict = mailFrom(zone, "a@" + domain);

        assertThat(verdict.result()).isEqualTo(SpfResult.NONE);
    }

    @Test
    void heloDomainOver253OctetsIsNone() {
        String helo = longDomain(300);
        SpfEvaluator evaluator = new SpfEvaluator(StaticDnsResolver.builder().build(), SpfLimits.rfc7208());

        SpfVerdict verdict = assertTimeoutPreemptively(BOUND, () -> evaluator.checkHelo(CLIENT, helo));

        assertThat(verdict.result()).isEqualTo(SpfResult.NONE);
    }

    @Test
    void fiveThousandTxtRecordsWithOneSpfRecordAmongThemAreEvaluated() {
        var zone = StaticDnsResolver.builder();
        for (int i = 0; i < 5_000; i++) {
            zone.txt("example.com", "site-verification=" + i);
        }
        zone.txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all");

        assertThat(mailFrom(zone, "a@example.com").result()).isEqualTo(SpfResult.PASS);
    }

    @Test
    void fiveThousandSpfRecordsArePermerror() {
        // Section 4.5: more than one record beginning "v=spf1" is permerror.
        var zone = StaticDnsResolver.builder();
        for (int i = 0; i < 5_000; i++) {
            zone.txt("example.com", "v=spf1 ip4:198.51.100." + (i % 256) + " -all");
        }

        SpfVerdict verdict = mailFrom(zone, "a@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void fiveThousandAddressesForAnATermAreCheckedAndFail() {
        var zone = StaticDnsResolver.builder().txt("example.com", "v=spf1 a:hosts.example.com -all");
        for (int i = 0; i < 5_000; i++) {
            zone.a("hosts.example.com", SpfConformanceTest.literal("10." + (i / 256) + "." + (i % 256) + ".1"));
        }

        SpfVerdict verdict = mailFrom(zone, "a@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
    }

    @Test
    void fiveThousandMxNamesArePermerror() {
        // Section 4.6.4: more than ten MX names for one mx term is permerror.
        var zone = StaticDnsResolver.builder().txt("example.com", "v=spf1 mx -all");
        for (int i = 0; i < 5_000; i++) {
            zone.mx("example.com", i, "mx" + i + ".example.com");
        }

        SpfVerdict verdict = mailFrom(zone, "a@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
    }
}
