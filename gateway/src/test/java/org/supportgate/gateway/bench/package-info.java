/**
 * Benchmarks of the running daemon. They are not tests: nothing here runs in the build.
 *
 * <p>{@link org.supportgate.gateway.bench.SmtpLoadGenerator} measures the SMTP accept path: a 250
 * is counted only after the spool commit, with fsync and synchronous_commit on. Start a daemon on
 * a fresh data directory, then, from the repository root:
 *
 * <pre>
 * java -jar gateway/target/supportgate.jar --supportgate.smtp.port=2626 --server.port=8282 \
 *     --supportgate.db.embedded-dir=/tmp/bench-pgdata
 * ./mvnw -q -pl gateway -am -Pload process-test-classes \
 *     -Dload.args="--messages 20000 --size 10240 --concurrency 50 --port 2626"
 * </pre>
 *
 * <p>Figures, 20,000 messages of 10 KiB over 50 sessions, 2026-11-22. Machine: a VM with 2 vCPUs
 * (Intel Xeon, 2.6 GHz), 23 GiB RAM, ext4 on virtio disk; the embedded PostgreSQL 18 on the same
 * disk. Other engineers' builds ran on the same 2 CPUs (load average 3 to 11), so the figures are
 * noisy; compare runs made close together, not across days.
 *
 * <table>
 * <caption>Accept throughput and the latency from the final dot to the 250</caption>
 * <tr><th>build</th><th>intake</th><th>load avg</th><th>msgs/s</th><th>p50 ms</th><th>p99 ms</th><th>errors</th><th>peak RSS</th></tr>
 * <tr><td>before chunked DATA</td><td>on</td><td>3.5</td><td>1,840</td><td>16.1</td><td>74.9</td><td>0</td><td>454 MiB</td></tr>
 * <tr><td>before chunked DATA</td><td>on</td><td>4.0</td><td>2,095</td><td>14.0</td><td>79.3</td><td>0</td><td>461 MiB</td></tr>
 * <tr><td>before chunked DATA</td><td>off</td><td>7.5</td><td>1,967</td><td>12.1</td><td>99.9</td><td>0</td><td>431 MiB</td></tr>
 * <tr><td>chunked DATA</td><td>off</td><td>7.9</td><td>2,494</td><td>9.4</td><td>112.7</td><td>0</td><td>442 MiB</td></tr>
 * <tr><td>chunked DATA</td><td>on</td><td>8.9</td><td>1,750</td><td>15.3</td><td>126.5</td><td>0</td><td>421 MiB</td></tr>
 * <tr><td>chunked DATA</td><td>on</td><td>10.1</td><td>1,747</td><td>16.2</td><td>194.6</td><td>0</td><td>422 MiB</td></tr>
 * </table>
 *
 * <p>With the intake off, the same run cost the daemon JVM 11.2 CPU seconds before chunked DATA
 * and 7.4 after (PostgreSQL: 2.6 and 2.0): the library's byte-at-a-time DATA stream had been 81% of
 * the JVM's execution samples. After it no Java method stands out; G1 pauses (p90 52 ms) and the
 * CPU shared with PostgreSQL, the intake and the generator make up the tail.
 */
package org.supportgate.gateway.bench;
