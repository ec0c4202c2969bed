package org.supportgate.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon in a JVM of its own, started the way an operator starts it, so a test can kill it
 * with SIGKILL and start it again on the same data directory.
 */
public final class DaemonProcess implements AutoCloseable {

    private final Process process;
    private final int smtpPort;
    private final int httpPort;
    private final Path log;

    private DaemonProcess(Process process, int smtpPort, int httpPort, Path log) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.httpPort = httpPort;
        this.log = log;
    }

    public static DaemonProcess start(Path dataDir, Path log, String... extraArgs) throws IOException, InterruptedException {
        int smtpPort = freePort();
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", classPath(),
                SupportgateApplication.class.getName(),
                "--supportgate.smtp.port=" + smtpPort,
                "--server.port=" + httpPort,
                "--supportgate.db.embedded-dir=" + dataDir,
                "--supportgate.api.token=" + GatewayTest.TOKEN,
                "--supportgate.intake.poll-interval=200ms",
                "--supportgate.dns.zone-file=" + Path.of(GatewayTest.ZONE).toAbsolutePath()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        DaemonProcess daemon = new DaemonProcess(process, smtpPort, httpPort, log);
        daemon.awaitHealthy(Duration.ofSeconds(90));
        return daemon;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long endBy = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < endBy) {
            if (!process.isAlive()) {
                throw new IllegalStateException("daemon exited with " + process.exitValue() + "; log:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("daemon not healthy within " + timeout + "; log:\n" + Files.readString(log));
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
