package org.supportgate.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.dns.DnsAnswer;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.dns.MxRecord;
import org.supportgate.auth.dns.StaticDnsResolver;

class SpfEvaluatorTest {

    private static final InetAddress CLIENT = SpfConformanceTest.literal("192.0.2.10");
    private static final InetAddress CLIENT6 = SpfConformanceTest.literal("2001:db8::10");

    private static SpfVerdict mailFrom(StaticDnsResolver.Builder zone, String sender) {
        return new SpfEvaluator(zone.build(), SpfLimits.rfc7208())
                .checkMailFrom(CLIENT, sender, "mx.example.org");
    }

    private static StaticDnsResolver.Builder policy(String record) {
        return StaticDnsResolver.builder().txt("example.com", record);
    }

    @Test
    void passesWhenIp4Matches() {
        SpfVerdict verdict = mailFrom(policy("v=spf1 ip4:192.0.2.0/24 -all"), "a@example.com");

        assertThat(verdict).isEqualTo(new SpfVerdict(SpfResult.PASS, "example.com", "", ""));
    }

    @Test
    void givesNoneWithoutRecord() {
        assertThat(mailFrom(StaticDnsResolver.builder(), "a@example.com").result())
                .isEqualTo(SpfResult.NONE);
    }

    @Test
    void givesTempErrorWhenTxtLookupTimesOut() {
        SpfVerdict verdict = mailFrom(StaticDnsResolver.builder().timeout("example.com"), "a@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(verdict.problem()).contains("TXT example.com");
    }

    @Test
    void givesTempErrorWhenIncludedPolicyTimesOut() {
        var zone = policy("v=spf1 include:spf.example.net -all").timeout("spf.example.net");

        assertThat(mailFrom(zone, "a@example.com").result()).isEqualTo(SpfResult.TEMPERROR);
    }

    @Test
    void givesTempErrorWhenAddressLookupTimesOut() {
        var zone = policy("v=spf1 a:slow.example.com -all").timeout("slow.example.com");

        assertThat(mailFrom(zone, "a@example.com").result()).isEqualTo(SpfResult.TEMPERROR);
    }

    @Test
    void givesPermErrorAfterTenDnsMechanisms() {
        var zone = policy("v=spf1 a a a a a a a a a a a ip4:192.0.2.10 -all")
                .a("example.com", SpfConformanceTest.literal("198.51.100.1"));

        SpfVerdict verdict = mailFrom(zone, "a@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(verdict.problem()).contains("more than 10 DNS");
    }

    @Test
    void allowsExactlyTenDnsMechanisms() {
        var zone = policy("v=spf1 a a a a a a a a a a ip4:192.0.2.10 -all")
                .a("example.com", SpfConformanceTest.literal("198.51.100.1"));

        assertThat(mailFrom(zone, "a@example.com").result()).isEqualTo(SpfResult.PASS);
    }

    @Test
    void givesPermErrorOnThirdVoidLookup() {
        var zone = policy("v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com ?all");

        SpfVerdict verdict = mailFrom(zone, "a@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(verdict.problem()).contains("void");
    }

    @Test
    void givesPermErrorOnIncludeLoop() {
        var zone = policy("v=spf1 include:example.net -all")
                .txt("example.net", "v=spf1 include:example.com -all");

        assertThat(mailFrom(zone, "a@example.com").result()).isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void givesPermErrorOnRedirectToItself() {
        assertThat(mailFrom(policy("v=spf1 redirect=example.com"), "a@example.com").result())
                .isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void givesPermErrorForMoreThanTenMxNames() {
        var zone = policy("v=spf1 mx -all");
        for (int i = 0; i < 11; i++) {
            zone.mx("example.com", i, "mx" + i + ".example.com");
        }

        assertThat(mailFrom(zone, "a@example.com").result()).isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void givesPermErrorForEnormousRecord() {
        String record = "v=spf1 " + "ip4:198.51.100.1 ".repeat(1000) + "-all";

        SpfVerdict verdict = mailFrom(policy(record), "a@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(verdict.problem()).contains("longer than");
    }

    @Test
    void givesNoneAmongManyNonSpfTxtRecords() {
        var zone = StaticDnsResolver.builder();
        for (int i = 0; i < 10_000; i++) {
            zone.txt("example.com", "google-site-verification=" + i);
        }

        assertThat(mailFrom(zone, "a@example.com").result()).isEqualTo(SpfResult.NONE);
    }

    @Test
    void givesPermErrorForInvalidMacro() {
        assertThat(mailFrom(policy("v=spf1 exists:%{z}.example.com -all"), "a@example.com").result())
                .isEqualTo(SpfResult.PERMERROR);
        assertThat(mailFrom(policy("v=spf1 exists:%{d0}.example.com -all"), "a@example.com").result())
                .isEqualTo(SpfResult.PERMERROR);
        assertThat(mailFrom(policy("v=spf1 exists:%{d.example.com -all"), "a@example.com").result())
                .isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void givesPermErrorForNonAsciiRecord() {
        assertThat(mailFrom(policy("v=spf1 a:exämple.com -all"), "a@example.com").result())
                .isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void givesNoneForNonAsciiOrOverlongDomain() {
        var zone = policy("v=spf1 -all");

        assertThat(mailFrom(zone, "a@exämple.com").result()).isEqualTo(SpfResult.NONE);
        assertThat(mailFrom(zone, "a@" + "a".repeat(64) + ".com").result()).isEqualTo(SpfResult.NONE);
        assertThat(mailFrom(zone, "a@" + "abcdefghi.".repeat(30) + "com").result())
                .isEqualTo(SpfResult.NONE);
        assertThat(mailFrom(zone, "x".repeat(5000) + "@example.com").result())
                .isEqualTo(SpfResult.NONE);
    }

    @Test
    void givesPermErrorWhenMacroExpansionExplodes() {
        String record = "v=spf1 exists:" + "%{s}".repeat(200) + ".example.com -all";

        SpfVerdict verdict = mailFrom(policy(record), "x".repeat(900) + "@example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void checksNullReversePathAsPostmasterAtHelo() {
        var zone = StaticDnsResolver.builder()
                .txt("mx.example.org", "v=spf1 -all exp=why.example.org")
                .txt("why.example.org", "%{s} via %{h}");

        SpfVerdict verdict = mailFrom(zone, "<>");

        assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
        assertThat(verdict.explanation()).isEqualTo("postmaster@mx.example.org via mx.example.org");
    }

    @Test
    void checksHeloIdentity() {
        var dns = StaticDnsResolver.builder().txt("mx.example.org", "v=spf1 ip4:192.0.2.10 -all").build();

        SpfVerdict verdict = new SpfEvaluator(dns, SpfLimits.rfc7208()).checkHelo(CLIENT, "mx.example.org");

        assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
        assertThat(verdict.domain()).isEqualTo("mx.example.org");
    }

    @Test
    void treatsIpv4MappedClientAsIpv4() throws Exception {
        var dns = policy("v=spf1 ip4:192.0.2.10 -all").build();
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 10};
        InetAddress client = java.net.Inet6Address.getByAddress(null, mapped, -1);

        SpfVerdict verdict = new SpfEvaluator(dns, SpfLimits.rfc7208())
                .checkMailFrom(client, "a@example.com", "mx.example.org");

        assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
    }

    @Test
    void expandsIpv6ClientAsNibblesAndExplainsWithReceiverAndTime() {
        var dns = policy("v=spf1 exists:%{ir}.%{v}.list.example.com -all exp=why.example.com")
                .txt("why.example.com", "%{c} at %{t} by %{r}")
                .build();
        var evaluator = SpfEvaluator.builder(dns)
                .receiver("gate.example.net")
                .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC))
                .build();

        SpfVerdict verdict = evaluator.checkMailFrom(CLIENT6, "a@example.com", "mx.example.org");

        assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
        assertThat(verdict.explanation()).isEqualTo("2001:db8::10 at 1700000000 by gate.example.net");
    }

    @Test
    void matchesExistsOnNibbleName() {
        String name = "0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.list.example.com";
        var dns = policy("v=spf1 exists:%{ir}.%{v}.list.example.com -all")
                .a(name, SpfConformanceTest.literal("127.0.0.2")).build();

        SpfVerdict verdict = new SpfEvaluator(dns, SpfLimits.rfc7208())
                .checkMailFrom(CLIENT6, "a@example.com", "mx.example.org");

        assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
    }

    @Test
    void givesTempErrorWhenTimeBudgetIsSpent() {
        AtomicInteger queries = new AtomicInteger();
        DnsResolver slow = new SlowResolver(policy("v=spf1 a:h1.example.com a:h2.example.com "
                + "a:h3.example.com -all").build(), Duration.ofMillis(150), queries);
        var limits = new SpfLimits(10, 2, 10, 4096, Duration.ofMillis(200));

        SpfVerdict verdict = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> new SpfEvaluator(slow, limits).checkMailFrom(CLIENT, "a@example.com", "x.example"));

        assertThat(verdict.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(verdict.problem()).contains("time budget");
        assertThat(queries.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void ignoresIpv4MappedAddressInAaaaAnswer() {
        var dns = policy("v=spf1 a//96 ~all")
                .aaaa("example.com", SpfConformanceTest.literal("::ffff:192.0.2.10")).build();

        SpfVerdict verdict = new SpfEvaluator(dns, SpfLimits.rfc7208())
                .checkMailFrom(CLIENT6, "a@example.com", "mx.example.org");

        assertThat(verdict.result()).isEqualTo(SpfResult.SOFTFAIL);
    }

    @Test
    void neverThrowsOnGarbageRecords() {
        Random random = new Random(7208);
        String alphabet = "v=spf1 :/.%{}-+~?_allincludemxptrip4ip6existsredirectexp0123456789\u00e9\u0000";
        for (int i = 0; i < 3000; i++) {
            StringBuilder record = new StringBuilder("v=spf1 ");
            int length = random.nextInt(60);
            for (int k = 0; k < length; k++) {
                record.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            var zone = policy(record.toString()).txt("x.example.com", record.toString());

            SpfVerdict verdict = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> mailFrom(zone, "a.b-c@example.com"));

            assertThat(verdict.result()).as(record.toString()).isNotNull();
        }
    }

    /** Delays every answer, to spend the time budget. */
    private record SlowResolver(DnsResolver inner, Duration delay, AtomicInteger queries)
            implements DnsResolver {
        private <T> T slowly(java.util.function.Supplier<T> answer) {
            queries.incrementAndGet();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer.get();
        }

        @Override
        public DnsAnswer<String> txt(String name) {
            return slowly(() -> inner.txt(name));
        }

        @Override
        public DnsAnswer<InetAddress> a(String name) {
            return slowly(() -> inner.a(name));
        }

        @Override
        public DnsAnswer<InetAddress> aaaa(String name) {
            return slowly(() -> inner.aaaa(name));
        }

        @Override
        public DnsAnswer<MxRecord> mx(String name) {
            return slowly(() -> inner.mx(name));
        }

        @Override
        public DnsAnswer<String> ptr(InetAddress address) {
            return slowly(() -> inner.ptr(address));
        }
    }
}
