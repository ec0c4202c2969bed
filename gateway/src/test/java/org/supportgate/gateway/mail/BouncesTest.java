package org.supportgate.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.ticketing.outbox.BounceReport;
import org.supportgate.ticketing.outbox.Bounces;
import org.supportgate.ticketing.outbox.Outbox;

/** Bounces recorded against our outbox rows and their recipients, on the embedded database. */
class BouncesTest extends GatewayTest {

    @Autowired
    Bounces bounces;

    @Autowired
    Outbox outbox;

    @Autowired
    BounceRecognizer recognizer;

    @Test
    void recordsAReportAgainstTheRecipientAndOurMessage() throws Exception {
        String messageId = "ack.original.1@mx.support.example";
        long row = outbox.enqueue(null, "ack", messageId + "." + UUID.randomUUID(), "support@mx.support.example",
                "gone@partner.example", null, new byte[] {'x'});
        String ourId = outbox.find(row).orElseThrow().messageId();
        BounceReport report = ((BounceRecognition.Bounce) recognizer.recognize(
                BounceRecognizerTest.sample("postfix-user-unknown.eml"), "", List.of("support@mx.support.example"))).report();
        BounceReport aboutOurRow = new BounceReport(ourId, report.verpToken(), report.recipients());

        int before = bounces.failuresFor("gone@partner.example");
        assertThat(bounces.record(aboutOurRow, null)).isOne();

        assertThat(bounces.failuresFor("GONE@partner.example")).isEqualTo(before + 1);
        Map<String, Object> stored = jdbc.sql("SELECT * FROM bounce WHERE original_message_id = ?").param(ourId)
                .query().singleRow();
        assertThat(stored).containsEntry("outbox_id", row).containsEntry("status", "5.1.1").containsEntry("action", "failed");
    }

    @Test
    void aVerpBounceWithoutAReportIsRecordedAgainstTheRowsRecipient() {
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String to = "old-" + token + "@partner.example";
        long row = outbox.enqueue(null, "ack", token + "@mx.support.example", "support+bounce-" + token + "@mx.support.example",
                to, token, new byte[] {'x'});
        assertThat(bounces.record(new BounceReport("", token, List.of()), null)).isOne();
        assertThat(jdbc.sql("SELECT outbox_id FROM bounce WHERE recipient = ?").param(to).query(Long.class).single()).isEqualTo(row);
    }

    @Test
    void aReportAboutNothingOfOursWithoutRecipientsIsNotStored() {
        assertThat(bounces.record(new BounceReport("someone.elses@x", "", List.of()), null)).isZero();
    }
}
