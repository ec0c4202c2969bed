package org.supportgate.auth.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.supportgate.auth.dmarc.DkimIdentity;
import org.supportgate.auth.dmarc.DmarcEvaluator;
import org.supportgate.auth.dmarc.DmarcResult;
import org.supportgate.auth.dmarc.DmarcVerdict;
import org.supportgate.auth.dns.StaticDnsResolver;

/**
 * DMARC for a message from a subdomain with a DKIM pass for the parent: the From field is parsed,
 * the author domain has no record so the tree walk finds the organization's, and relaxed
 * alignment compares Organizational Domains. DNS answers come from memory.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class DmarcBenchmark {

    private static final List<String> FROM = List.of(" Alice Example <alice@support.partner.example>");
    private static final List<DkimIdentity> DKIM = List.of(new DkimIdentity("partner.example", true));

    private DmarcEvaluator evaluator;

    @Setup
    public void setUp() {
        StaticDnsResolver dns = StaticDnsResolver.builder()
                .txt("_dmarc.partner.example",
                        "v=DMARC1; p=reject; sp=quarantine; adkim=r; aspf=r; rua=mailto:dmarc@partner.example")
                .txt("partner.example", "v=spf1 mx -all")
                .exists("support.partner.example")
                .build();
        evaluator = new DmarcEvaluator(dns);
        DmarcVerdict verdict = alignedDkim();
        if (verdict.result() != DmarcResult.PASS || !verdict.dkimAligned()) {
            throw new IllegalStateException("benchmark message does not pass DMARC: " + verdict);
        }
    }

    @Benchmark
    public DmarcVerdict alignedDkim() {
        return evaluator.evaluate(FROM, Optional.empty(), DKIM);
    }
}
