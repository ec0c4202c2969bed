package org.supportgate.gateway.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * A benchmark, not a test: sends N messages of S bytes over C concurrent SMTP sessions to a
 * running daemon and reports throughput, the latency of the final dot (what the group commit
 * costs a client), errors by reply code and the daemon's peak RSS.
 *
 * <p>Each session connects once, says EHLO once, then repeats MAIL, RCPT, DATA on the same
 * connection, as a relay with a backlog does. Run it with the {@code load} profile of the gateway
 * module (see {@link #USAGE}).
 *
 * <p>Sessions to a loopback target are spread over several loopback source addresses
 * (127.0.0.1, 127.0.0.2, ...) so that the daemon's per-address connection cap does not refuse
 * them: the load stands for many relays, not one.
 */
public final class SmtpLoadGenerator {

    static final String USAGE = """
            usage: ./mvnw -q -pl gateway -am -Pload process-test-classes -Dload.args="OPTIONS"
              --messages N       messages to send in all (20000)
              --size BYTES       size of each message (10240)
              --concurrency C    SMTP sessions at once (50)
              --host HOST        daemon address (127.0.0.1)
              --port PORT        daemon SMTP port (2525)
              --rcpt ADDRESS     recipient (support@localhost)
              --from ADDRESS     envelope sender (load@bench.example)
              --max-seconds S    stop sending after this many seconds (300)
              --sources K        loopback source addresses to spread sessions over (0: one per 16 sessions)
              --pid PID          daemon process to sample RSS from (default: a java process running supportgate.jar)
            """;

    /** Bytes of each message taken by its headers; the body fills the rest of the requested size. */
    private static final int HEADER_BYTES = 160;

    /** Reply code recorded for a connection that broke or timed out, which has no SMTP code. */
    private static final String IO_ERROR = "io";

    private record Options(int messages, int size, int concurrency, String host, int port, String rcpt, String from,
            int maxSeconds, int sources, long pid) {

        static Options parse(String[] args) {
            Map<String, String> values = new TreeMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got: " + args[i]);
                }
                values.put(args[i].substring(2), args[++i]);
            }
            Options options = new Options(
                    Integer.parseInt(values.getOrDefault("messages", "20000")),
                    Integer.parseInt(values.getOrDefault("size", "10240")),
                    Integer.parseInt(values.getOrDefault("concurrency", "50")),
                    values.getOrDefault("host", "127.0.0.1"),
                    Integer.parseInt(values.getOrDefault("port", "2525")),
                    values.getOrDefault("rcpt", "support@localhost"),
                    values.getOrDefault("from", "load@bench.example"),
                    Integer.parseInt(values.getOrDefault("max-seconds", "300")),
                    Integer.parseInt(values.getOrDefault("sources", "0")),
                    Long.parseLong(values.getOrDefault("pid", "0")));
            List<String> known = List.of("messages", "size", "concurrency", "host", "port", "rcpt", "from",
                    "max-seconds", "sources", "pid");
            for (String name : values.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            }
            return options;
        }
    }

    /** What all sessions share: the next message number, the latencies and the error counts. */
    private static final class Tally {
        final AtomicInteger next = new AtomicInteger();
        final long[] latencyNanos;
        final AtomicInteger accepted = new AtomicInteger();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

        Tally(int messages) {
            latencyNanos = new long[messages];
        }

        void error(String code) {
            errors.computeIfAbsent(code, c -> new LongAdder()).increment();
        }
    }

    private SmtpLoadGenerator() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Optional<Long> pid = options.pid() > 0 ? Optional.of(options.pid()) : findDaemon(options.port());
        RssSampler rss = new RssSampler(pid);
        Thread sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(rss);

        Tally tally = new Tally(options.messages());
        byte[] body = body(options.size());
        List<InetAddress> sources = sources(options);
        long deadline = System.nanoTime() + options.maxSeconds() * 1_000_000_000L;
        System.out.printf("Sending %d messages of %d bytes over %d sessions to %s:%d (from %d source address(es))%n",
                options.messages(), options.size(), options.concurrency(), options.host(), options.port(), sources.size());

        long start = System.nanoTime();
        List<Thread> sessions = new ArrayList<>();
        for (int i = 0; i < options.concurrency(); i++) {
            InetAddress source = sources.get(i % sources.size());
            sessions.add(Thread.ofVirtual().name("session-" + i)
                    .start(() -> runSession(options, source, body, tally, deadline)));
        }
        for (Thread session : sessions) {
            session.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        rss.stop();
        sampler.join();
        report(options, tally, seconds, rss, pid);
    }

    /** One SMTP session; reconnects after a broken connection until the work or the time runs out. */
    private static void runSession(Options options, InetAddress source, byte[] body, Tally tally, long deadline) {
        while (hasWork(tally, options, deadline)) {
            try (Socket socket = new Socket()) {
                if (source != null) {
                    socket.bind(new InetSocketAddress(source, 0));
                }
                socket.connect(new InetSocketAddress(options.host(), options.port()), 10_000);
                socket.setSoTimeout(60_000);
                socket.setTcpNoDelay(true);
                Connection smtp = new Connection(socket);
                if (!smtp.expect(smtp.reply(), 220, tally) || !smtp.expect(smtp.command("EHLO load.bench.example"), 250, tally)) {
                    return;
                }
                sendMessages(smtp, options, body, tally, deadline);
                smtp.command("QUIT");
                return;
            } catch (IOException e) {
                tally.error(IO_ERROR);
                pause();
            }
        }
    }

    private static boolean hasWork(Tally tally, Options options, long deadline) {
        return tally.next.get() < options.messages() && System.nanoTime() < deadline;
    }

    private static void sendMessages(Connection smtp, Options options, byte[] body, Tally tally, long deadline)
            throws IOException {
        while (System.nanoTime() < deadline) {
            int number = tally.next.getAndIncrement();
            if (number >= options.messages()) {
                return;
            }
            if (!smtp.expect(smtp.command("MAIL FROM:<" + options.from() + "> SIZE=" + options.size()), 250, tally)
                    || !smtp.expect(smtp.command("RCPT TO:<" + options.rcpt() + ">"), 250, tally)) {
                smtp.command("RSET");
                continue;
            }
            if (!smtp.expect(smtp.command("DATA"), 354, tally)) {
                smtp.command("RSET");
                continue;
            }
            smtp.write(header(number, options.size()));
            smtp.write(body);
            smtp.flush();
            long sent = System.nanoTime();
            smtp.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            smtp.flush();
            Reply reply = smtp.reply();
            long latency = System.nanoTime() - sent;
            if (smtp.expect(reply, 250, tally)) {
                tally.latencyNanos[number] = latency;
                tally.accepted.incrementAndGet();
            }
        }
    }

    /**
     * The first {@link #HEADER_BYTES} bytes of a message: headers that make each message distinct. The subject is padded
     * so that header plus body is the requested size.
     */
    private static byte[] header(int number, int size) {
        String fields = "From: Load <load@bench.example>\r\nTo: support@localhost\r\n"
                + "Message-ID: <" + number + "." + size + "@bench.example>\r\nSubject: load " + number;
        StringBuilder header = new StringBuilder(fields);
        while (header.length() < HEADER_BYTES - 4) {
            header.append(' ');
        }
        return header.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Body lines of printable text ending in CRLF; no line starts with a dot, so none needs stuffing. */
    private static byte[] body(int size) {
        int length = Math.max(2, size - HEADER_BYTES);
        byte[] body = new byte[length];
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ";
        for (int i = 0; i < length; i++) {
            body[i] = (byte) alphabet.charAt(i % alphabet.length());
        }
        for (int end = 77; end < length; end += 78) {
            body[end - 1] = '\r';
            body[end] = '\n';
        }
        body[length - 2] = '\r';
        body[length - 1] = '\n';
        return body;
    }

    private static List<InetAddress> sources(Options options) throws IOException {
        InetAddress target = InetAddress.getByName(options.host());
        if (!target.isLoopbackAddress() || !(target.getAddress().length == 4)) {
            return Arrays.asList((InetAddress) null);
        }
        int count = options.sources() > 0 ? options.sources() : (options.concurrency() + 15) / 16;
        List<InetAddress> sources = new ArrayList<>();
        for (int i = 1; i <= Math.min(count, 254); i++) {
            sources.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
        }
        return sources;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(Options options, Tally tally, double seconds, RssSampler rss, Optional<Long> pid) {
        long[] latencies = Arrays.stream(tally.latencyNanos).filter(n -> n > 0).sorted().toArray();
        int accepted = tally.accepted.get();
        System.out.printf("messages accepted: %d of %d%n", accepted, options.messages());
        System.out.printf("seconds:           %.2f%n", seconds);
        System.out.printf("messages/s:        %.0f%n", accepted / seconds);
        System.out.printf("latency ms (final dot to 250): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                latencies.length == 0 ? 0.0 : latencies[latencies.length - 1] / 1e6);
        if (tally.errors.isEmpty()) {
            System.out.println("errors:            none");
        } else {
            Map<String, Long> sorted = new TreeMap<>();
            tally.errors.forEach((code, count) -> sorted.put(code, count.sum()));
            System.out.println("errors by reply:   " + sorted);
        }
        if (pid.isEmpty()) {
            System.out.println("daemon RSS:        not sampled (no --pid, and no java process running supportgate.jar found)");
        } else {
            System.out.printf("daemon pid %d:     peak RSS (VmHWM) %s; highest VmRSS seen during the run %s%n",
                    pid.get(), mebibytes(rss.peak()), mebibytes(rss.highestSeen()));
        }
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String mebibytes(long kibibytes) {
        return kibibytes < 0 ? "unknown" : String.format("%.0f MiB", kibibytes / 1024.0);
    }

    /**
     * The daemon's pid: a java process whose command line names supportgate.jar. When several run
     * (other engineers' daemons), the one whose command line names our port is taken.
     */
    private static Optional<Long> findDaemon(int port) {
        List<ProcessHandle> daemons;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            daemons = all.filter(p -> commandLine(p).contains("supportgate.jar")
                    && commandLine(p).contains("java")).toList();
        }
        if (daemons.size() == 1) {
            return Optional.of(daemons.getFirst().pid());
        }
        return daemons.stream()
                .filter(p -> commandLine(p).contains("smtp.port=" + port))
                .map(ProcessHandle::pid)
                .reduce((a, b) -> -1L)
                .filter(p -> p > 0);
    }

    /** The full command line, read from /proc: ProcessHandle's may be cut short. */
    private static String commandLine(ProcessHandle process) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
            return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return process.info().commandLine().orElse("");
        }
    }

    /** Samples VmRSS while the load runs; VmHWM (the kernel's own peak) is read at the end. */
    private static final class RssSampler implements Runnable {

        private final Optional<Path> status;
        private final AtomicLong highestSeen = new AtomicLong(-1);
        private final AtomicLong peak = new AtomicLong(-1);
        private volatile boolean running = true;

        RssSampler(Optional<Long> pid) {
            this.status = pid.map(p -> Path.of("/proc", String.valueOf(p), "status"));
        }

        @Override
        public void run() {
            if (status.isEmpty()) {
                return;
            }
            while (running) {
                kibibytes("VmRSS:").ifPresent(kb -> highestSeen.accumulateAndGet(kb, Math::max));
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
            kibibytes("VmHWM:").ifPresent(peak::set);
        }

        void stop() {
            running = false;
        }

        long peak() {
            return peak.get();
        }

        long highestSeen() {
            return highestSeen.get();
        }

        private Optional<Long> kibibytes(String field) {
            try {
                for (String line : Files.readAllLines(status.orElseThrow())) {
                    if (line.startsWith(field)) {
                        return Optional.of(Long.parseLong(line.substring(field.length()).replace("kB", "").strip()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The daemon exited; keep what was seen.
            }
            return Optional.empty();
        }
    }

    /** One SMTP reply: its code and its last line. */
    private record Reply(int code, String text) {}

    /** The byte stream of one session, buffered both ways. */
    private static final class Connection {

        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        Reply command(String line) throws IOException {
            write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            flush();
            return reply();
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        void flush() throws IOException {
            out.flush();
        }

        /** Reads a whole reply, multi-line or not. */
        Reply reply() throws IOException {
            while (true) {
                String line = line();
                if (line.length() < 3) {
                    throw new IOException("malformed reply line: " + line);
                }
                if (line.length() == 3 || line.charAt(3) == ' ') {
                    return new Reply(Integer.parseInt(line.substring(0, 3)), line);
                }
            }
        }

        /** True if the reply has the code; otherwise counts it as an error by its code. */
        boolean expect(Reply reply, int code, Tally tally) {
            if (reply.code() == code) {
                return true;
            }
            tally.error(String.valueOf(reply.code()));
            return false;
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return line.toString(StandardCharsets.US_ASCII).stripTrailing();
                }
                line.write(b);
            }
            throw new IOException("connection closed by the server");
        }
    }
}
