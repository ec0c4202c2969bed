package org.supportgate.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.supportgate.gateway.DaemonProcess;
import org.supportgate.gateway.SmtpDialogue;

/**
 * Kills the daemon with SIGKILL while messages are queued and while some are being processed,
 * then starts it again on the same data directory: every message that got a 250 is processed,
 * exactly once.
 */
class CrashRecoveryTest {

    private static final byte[] MAIL = """
            From: alice@partner.example\r
            To: support@localhost\r
            Subject: crash test\r
            \r
            body\r
            """.getBytes(StandardCharsets.US_ASCII);

    @Test
    void processesEveryAcceptedMessageOnceAfterKillNine() throws Exception {
        Path dataDir = Path.of("target", "pgdata", "crash-" + UUID.randomUUID()).toAbsolutePath();
        Path log = Files.createDirectories(Path.of("target")).resolve("crash-recovery-daemon.log").toAbsolutePath();
        List<String> ids = new ArrayList<>();

        // First run: accept 30 messages with the intake off, so they are all queued, then SIGKILL.
        DaemonProcess first = DaemonProcess.start(dataDir, log, "--supportgate.intake.enabled=false");
        try (SmtpDialogue smtp = SmtpDialogue.open(first.smtpPort())) {
            SmtpDialogue.expect(smtp.command("EHLO crash.example"), 250);
            for (int i = 0; i < 30; i++) {
                ids.add(SmtpDialogue.expect(smtp.sendInSession("alice@partner.example", MAIL, "support@localhost"), 250).queueId());
            }
        }
        first.kill();

        // The killed daemon's PostgreSQL is still running. Make five rows look like a worker died
        // holding them (claimed, lease expired), as a kill during processing leaves them.
        int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).strip());
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "");
                Statement statement = db.createStatement()) {
            int claimed = statement.executeUpdate("""
                    UPDATE inbound_message SET state = 'processing', attempts = 1, claim_token = gen_random_uuid(),
                           claimed_by = 'killed-worker', lease_until = now() - interval '1 second'
                     WHERE id IN (SELECT id FROM inbound_message ORDER BY id LIMIT 5)
                    """);
            assertThat(claimed).isEqualTo(5);
        }

        // Second run on the same data directory: it must stop the stale server, start, and finish all.
        try (DaemonProcess second = DaemonProcess.start(dataDir, log)) {
            int port = second.httpPort();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> states(port, ids).values().stream().allMatch("done"::equals));
            int pgPortNow = Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).strip());
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPortNow + "/postgres", "postgres", "");
                    Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT attempts, count(*) FROM inbound_message GROUP BY attempts ORDER BY attempts")) {
                Map<Integer, Integer> byAttempts = new HashMap<>();
                while (rows.next()) {
                    byAttempts.put(rows.getInt(1), rows.getInt(2));
                }
                // 25 were claimed once; the 5 abandoned claims were taken over once more.
                assertThat(byAttempts).containsExactlyInAnyOrderEntriesOf(Map.of(1, 25, 2, 5));
            }
        }
    }

    private static Map<String, String> states(int httpPort, List<String> ids) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        Map<String, String> states = new HashMap<>();
        for (String id : ids) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + httpPort + "/api/messages/" + id))
                    .header("Authorization", "Bearer " + org.supportgate.gateway.GatewayTest.TOKEN).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            int at = body.indexOf("\"state\":\"");
            states.put(id, at < 0 ? "missing" : body.substring(at + 9, body.indexOf('"', at + 9)));
        }
        return states;
    }
}
