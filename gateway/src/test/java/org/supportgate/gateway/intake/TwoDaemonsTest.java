package org.supportgate.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import org.supportgate.gateway.SupportgateApplication;
import org.supportgate.gateway.db.EmbeddedDatabase;
import org.supportgate.gateway.smtp.SmtpListener;

/** A second daemon on the same database: the two share the work and process each message once. */
class TwoDaemonsTest extends GatewayTest {

    @Autowired
    private EmbeddedDatabase database;

    @Autowired
    private IntakeWorker firstWorker;

    @Test
    void shareTheSpoolWithoutProcessingAnyMessageTwice() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SupportgateApplication.class).run(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--server.port=0",
                "--supportgate.smtp.port=0",
                "--supportgate.api.token=" + TOKEN,
                "--supportgate.intake.poll-interval=50ms",
                "--supportgate.intake.batch-size=2",
                "--supportgate.dns.zone-file=" + ZONE)) {
            int secondPort = second.getBean(SmtpListener.class).port();
            String secondWorker = second.getBean(IntakeWorker.class).instance();
            byte[] mail = "Subject: shared\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
            List<String> ids = new ArrayList<>();
            try (SmtpDialogue a = smtp(); SmtpDialogue b = SmtpDialogue.open(secondPort)) {
                SmtpDialogue.expect(a.command("EHLO one.example"), 250);
                SmtpDialogue.expect(b.command("EHLO two.example"), 250);
                for (int i = 0; i < 100; i++) {
                    SmtpDialogue via = i % 2 == 0 ? a : b;
                    ids.add(SmtpDialogue.expect(via.sendInSession("x@partner.example", mail, "support@localhost"), 250).queueId());
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM inbound_message WHERE id IN (:ids) AND state = 'done'")
                    .param("ids", ids).query(Long.class).single() == ids.size());

            List<Map<String, Object>> rows = jdbc.sql(
                    "SELECT attempts, split_part(processed_by, '#', 1) AS daemon FROM inbound_message WHERE id IN (:ids)")
                    .param("ids", ids).query().listOfRows();
            assertThat(rows).allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo(1));
            assertThat(rows).extracting(row -> row.get("daemon"))
                    .contains(firstWorker.instance(), secondWorker);
        }
    }
}
