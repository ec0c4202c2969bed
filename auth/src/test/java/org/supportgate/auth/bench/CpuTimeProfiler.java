package org.supportgate.auth.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark JVM per operation ({@code -prof org.supportgate.auth.bench.CpuTimeProfiler}).
 *
 * <p>Why: the build machine is shared, so wall-clock ops/s falls whenever someone else's build
 * takes the core away. CPU time per operation counts only the time this JVM actually ran, and
 * {@code 1e9 / cpu.time.norm} is what one core could do if it were ours alone. It is the whole
 * process (JIT and GC threads included), so with {@code -t 1} it errs on the slow side.
 */
public class CpuTimeProfiler implements InternalProfiler {

    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation (ns/op)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        cpuAtStart = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
            IterationResult result) {
        long cpu = processCpuNanos() - cpuAtStart;
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0 || cpu <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.time.norm", (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
