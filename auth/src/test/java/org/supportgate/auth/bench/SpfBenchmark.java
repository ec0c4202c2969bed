package org.supportgate.auth.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.spf.SpfEvaluator;
import org.supportgate.auth.spf.SpfLimits;
import org.supportgate.auth.spf.SpfResult;
import org.supportgate.auth.spf.SpfVerdict;

/**
 * SPF for MAIL FROM with every DNS answer already in memory (a warm cache). The client matches
 * only at the last term, so the evaluation walks the include, ip4 and a terms first: five
 * queries, two records parsed.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class SpfBenchmark {

    private SpfEvaluator evaluator;
    private InetAddress client;

    @Setup
    public void setUp() throws UnknownHostException {
        StaticDnsResolver dns = StaticDnsResolver.builder()
                .txt("partner.example", "v=spf1 include:_spf.mailhost.example ip4:198.51.100.0/26 a mx -all")
                .txt("_spf.mailhost.example", "v=spf1 ip4:203.0.113.0/25 ip6:2001:db8:10::/48 ~all")
                .a("partner.example", InetAddress.getByName("198.51.100.200"))
                .mx("partner.example", 10, "mx1.partner.example")
                .mx("partner.example", 20, "mx2.partner.example")
                .a("mx1.partner.example", InetAddress.getByName("192.0.2.25"))
                .a("mx2.partner.example", InetAddress.getByName("192.0.2.26"))
                .build();
        evaluator = SpfEvaluator.builder(dns).limits(SpfLimits.rfc7208()).receiver("mx.supportgate.example").build();
        client = InetAddress.getByName("192.0.2.26");
        SpfVerdict verdict = mailFrom();
        if (verdict.result() != SpfResult.PASS) {
            throw new IllegalStateException("benchmark policy does not pass: " + verdict);
        }
    }

    @Benchmark
    public SpfVerdict mailFrom() {
        return evaluator.checkMailFrom(client, "alice@partner.example", "mx2.partner.example");
    }
}
