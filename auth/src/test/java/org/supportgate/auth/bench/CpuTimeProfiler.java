package org.supportgate.auth.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
 * CPU time of the benchmark threads per operation ({@code -prof org.supportgate.auth.bench.CpuTimeProfiler}).
 *
 * <p>Why: the build machine is shared, so wall-clock ops/s falls whenever someone else's build
 * takes the core away. CPU time per operation counts only the time the benchmark thread actually
 * ran, and {@code 1e9 / cpu.time.norm} is what one core could do if it were ours alone. It leaves
 * out the JIT and GC threads (GC work is small here: the live set is tiny) and still includes
 * whatever sharing caches and memory with other tenants costs.
 */
public class CpuTimeProfiler implements InternalProfiler {

    /** JMH names its benchmark threads "{benchmark}-jmh-worker-{n}" and keeps them for the whole fork. */
    private static final String WORKER = "-jmh-worker-";

    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark threads per operation (ns/op)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        cpuAtStart = workerCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
            IterationResult result) {
        long cpu = workerCpuNanos() - cpuAtStart;
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0 || cpu <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.time.norm", (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
    }

    /** Workers not yet started count as zero, so the first iteration is measured in full too. */
    private static long workerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
