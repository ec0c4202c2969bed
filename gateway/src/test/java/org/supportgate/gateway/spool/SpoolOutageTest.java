package org.supportgate.gateway.spool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import org.supportgate.gateway.SmtpDialogue.Reply;
import org.supportgate.gateway.db.EmbeddedDatabase;

/** Stops the database under a running daemon: no 250 without a commit, nothing half-written. */
@DirtiesContext
@TestPropertySource(properties = "supportgate.spool.commit-timeout=20s")
class SpoolOutageTest extends GatewayTest {

    private static final String MAIL = """
            From: alice@partner.example
            To: support@localhost
            Subject: during an outage

            Is anyone there?
            """;

    @Autowired
    private EmbeddedDatabase database;

    @Test
    void answers451WhileTheDatabaseIsDownAndLosesNothingAccepted() throws Exception {
        Reply before;
        try (SmtpDialogue smtp = smtp()) {
            before = smtp.send("alice@partner.example", message(MAIL), "support@localhost");
        }
        assertThat(before.code()).isEqualTo(250);
        message(before.queueId(), "done");
        long stored = spooledCount();

        database.stop();
        try (SmtpDialogue smtp = smtp()) {
            Reply during = smtp.send("alice@partner.example", message(MAIL), "support@localhost");
            assertThat(during.code()).isEqualTo(451);
            assertThat(during.text()).startsWith("4.3.0");
            // The session survives a refused DATA and can try again in the same connection.
            assertThat(smtp.command("RSET").code()).isEqualTo(250);
        } finally {
            database.start();
        }

        // Pooled connections from before the restart fail once each; the daemon retries, so do we.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).ignoreExceptions()
                .untilAsserted(() -> assertThat(spooledCount()).isEqualTo(stored));
        try (SmtpDialogue smtp = smtp()) {
            Reply after = smtp.send("alice@partner.example", message(MAIL), "support@localhost");
            assertThat(after.code()).isEqualTo(250);
            message(after.queueId(), "done");
        }
        assertThat(spooledCount()).isEqualTo(stored + 1);
    }
}
