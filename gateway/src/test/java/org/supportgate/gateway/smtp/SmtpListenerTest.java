package org.supportgate.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportgate.gateway.SmtpDialogue.expect;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import org.supportgate.gateway.SmtpDialogue.Reply;
import org.supportgate.gateway.spool.SpoolEntry;
import tools.jackson.databind.JsonNode;

class SmtpListenerTest extends GatewayTest {

    private static final String PLAIN = """
            From: Alice Partner <alice@partner.example>
            To: support@localhost
            Subject: Mail stuck in queue
            Message-ID: <m1@partner.example>
            Date: Sun, 22 Nov 2026 10:00:00 +0000

            Our outbound queue is stuck since 09:00.
            .A line that starts with a dot
            ..and one with two
            """;

    @Test
    void storesAcceptedMessageByteExactAndAnswersWithQueueId() throws Exception {
        byte[] sent = message(PLAIN);
        Reply reply;
        try (SmtpDialogue smtp = smtp()) {
            assertThat(smtp.greeting().code()).isEqualTo(220);
            assertThat(smtp.greeting().text()).startsWith("mx.support.example");
            reply = smtp.send("alice@partner.example", sent, "support@localhost");
        }
        assertThat(reply.code()).isEqualTo(250);
        assertThat(reply.text()).startsWith("2.0.0 Ok: queued as ");

        JsonNode stored = message(reply.queueId(), "done");
        assertThat(stored.path("sha256").asString()).isEqualTo(SpoolEntry.sha256Hex(sent));
        assertThat(stored.path("size").asInt()).isEqualTo(sent.length);
        assertThat(stored.path("attempts").asInt()).isEqualTo(1);
        JsonNode envelope = stored.path("envelope");
        assertThat(envelope.path("clientIp").asString()).isEqualTo("127.0.0.1");
        assertThat(envelope.path("helo").asString()).isEqualTo("client.example");
        assertThat(envelope.path("mailFrom").asString()).isEqualTo("alice@partner.example");
        assertThat(envelope.path("rcptTo").get(0).asString()).isEqualTo("support@localhost");
        JsonNode summary = stored.path("summary");
        assertThat(summary.path("from").asString()).isEqualTo("Alice Partner <alice@partner.example>");
        assertThat(summary.path("subject").asString()).isEqualTo("Mail stuck in queue");
        assertThat(summary.path("messageId").asString()).isEqualTo("<m1@partner.example>");
        assertThat(summary.path("textBody").asString()).contains("\r\n.A line that starts with a dot\r\n..and one with two");

        HttpResponse<byte[]> raw = get("/api/messages/" + reply.queueId() + "/raw", TOKEN);
        assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("message/rfc822"));
        String exported = new String(raw.body(), StandardCharsets.UTF_8);
        assertThat(exported).startsWith("Received: from client.example ([127.0.0.1])\r\n\tby mx.support.example (Supportgate) with ESMTP id " + reply.queueId());
        byte[] body = Arrays.copyOfRange(raw.body(), exported.indexOf("From: Alice"), raw.body().length);
        assertThat(body).isEqualTo(sent);
    }

    @Test
    void acceptsMailFromJakartaMailClient() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpListener.port()));
        Session session = Session.getInstance(properties);
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress("bob@partner.example", "Bob"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("help@support.example"));
        mail.setSubject("Überprüfung der Zustellung", "UTF-8");
        mail.setText("Grüße aus Köln", "UTF-8");
        long before = spooledCount();
        Transport.send(mail);
        assertThat(spooledCount()).isEqualTo(before + 1);
        String id = jdbc.sql("SELECT id FROM inbound_message WHERE mail_from = 'bob@partner.example' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        JsonNode summary = message(id, "done").path("summary");
        assertThat(summary.path("subject").asString()).isEqualTo("Überprüfung der Zustellung");
        assertThat(summary.path("textBody").asString().strip()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void storesEightBitAndSmtpUtf8MessagesExactly() throws Exception {
        byte[] sent = message("""
                From: =?UTF-8?Q?Jos=C3=A9?= <josé@exämple.example>
                To: support@localhost
                Subject: Café ☕ naïve 8-bit header
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Bonjour, ça ne marche pas: 日本語のテキスト
                """);
        Reply reply;
        try (SmtpDialogue smtp = smtp()) {
            expect(smtp.command("EHLO client.example"), 250);
            expect(smtp.command("MAIL FROM:<josé@exämple.example> SMTPUTF8 BODY=8BITMIME"), 250);
            expect(smtp.command("RCPT TO:<support@localhost>"), 250);
            expect(smtp.command("DATA"), 354);
            smtp.write(sent);
            smtp.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            reply = smtp.reply();
        }
        assertThat(reply.code()).isEqualTo(250);
        JsonNode stored = message(reply.queueId(), "done");
        assertThat(stored.path("sha256").asString()).isEqualTo(SpoolEntry.sha256Hex(sent));
        assertThat(stored.path("envelope").path("mailFrom").asString()).isEqualTo("josé@exämple.example");
        assertThat(stored.path("summary").path("subject").asString()).isEqualTo("Café ☕ naïve 8-bit header");
        assertThat(stored.path("summary").path("textBody").asString()).contains("日本語のテキスト");
    }

    @Test
    void refusesUnknownRecipientWith550AndIsNoRelay() throws Exception {
        try (SmtpDialogue smtp = smtp()) {
            expect(smtp.command("EHLO client.example"), 250);
            expect(smtp.command("MAIL FROM:<alice@partner.example>"), 250);
            Reply other = smtp.command("RCPT TO:<someone@elsewhere.example>");
            assertThat(other.code()).isEqualTo(550);
            assertThat(other.text()).startsWith("5.1.1");
            Reply sameDomain = smtp.command("RCPT TO:<root@localhost>");
            assertThat(sameDomain.code()).isEqualTo(550);
            expect(smtp.command("RCPT TO:<SUPPORT@LOCALHOST>"), 250);
        }
    }

    @Test
    void refusesOversizeMessageWith552AndStoresNothing() throws Exception {
        long before = spooledCount();
        StringBuilder big = new StringBuilder("Subject: big\r\n\r\n");
        String line = "x".repeat(998) + "\r\n";
        while (big.length() < 1_100_000) {
            big.append(line);
        }
        try (SmtpDialogue smtp = smtp()) {
            Reply reply = smtp.send("alice@partner.example", big.toString().getBytes(StandardCharsets.US_ASCII), "support@localhost");
            assertThat(reply.code()).isEqualTo(552);
            assertThat(reply.text()).startsWith("5.3.4");
            // The session is still in step and usable after the refusal.
            Reply next = smtp.sendInSession("alice@partner.example", message(PLAIN), "support@localhost");
            assertThat(next.code()).isEqualTo(250);
        }
        assertThat(spooledCount()).isEqualTo(before + 1);
    }

    @Test
    void refusesDeclaredOversizeAtMailFrom() throws Exception {
        try (SmtpDialogue smtp = smtp()) {
            Reply ehlo = expect(smtp.command("EHLO client.example"), 250);
            assertThat(ehlo.text()).contains("SIZE 1048576");
            Reply mail = smtp.command("MAIL FROM:<alice@partner.example> SIZE=5000000");
            assertThat(mail.code()).isEqualTo(552);
        }
    }

    @Test
    void refusesRecipientsBeyondTheCapWith452() throws Exception {
        try (SmtpDialogue smtp = smtp()) {
            expect(smtp.command("EHLO client.example"), 250);
            expect(smtp.command("MAIL FROM:<alice@partner.example>"), 250);
            expect(smtp.command("RCPT TO:<support@localhost>"), 250);
            expect(smtp.command("RCPT TO:<help@support.example>"), 250);
            // A repeated recipient is accepted once and does not count twice.
            expect(smtp.command("RCPT TO:<Support@Localhost>"), 250);
            expect(smtp.command("RCPT TO:<billing@support.example>"), 250);
            Reply fourth = smtp.command("RCPT TO:<noc@support.example>");
            assertThat(fourth.code()).isEqualTo(452);
            assertThat(fourth.text()).startsWith("4.5.3");
            Reply sent = smtp.sendData(message(PLAIN));
            assertThat(sent.code()).isEqualTo(250);
            JsonNode envelope = message(sent.queueId(), "done").path("envelope");
            assertThat(envelope.path("rcptTo")).hasSize(3);
        }
    }

    @Test
    void answersBadCommandsWithoutLosingTheSession() throws Exception {
        try (SmtpDialogue smtp = smtp()) {
            expect(smtp.command("EHLO client.example"), 250);
            assertThat(smtp.command("DATA").code()).isEqualTo(503);
            assertThat(smtp.command("RCPT TO:<support@localhost>").code()).isEqualTo(503);
            assertThat(smtp.command("FROBNICATE now").code()).isEqualTo(500);
            assertThat(smtp.command("MAIL FROM:<not an address").code()).isGreaterThanOrEqualTo(500);
            Reply ok = smtp.sendInSession("alice@partner.example", message(PLAIN), "support@localhost");
            assertThat(ok.code()).isEqualTo(250);
        }
    }

    @Test
    void acceptsNullReversePath() throws Exception {
        try (SmtpDialogue smtp = smtp()) {
            Reply reply = smtp.send("", message(PLAIN), "support@localhost");
            assertThat(reply.code()).isEqualTo(250);
            assertThat(message(reply.queueId(), "done").path("envelope").path("mailFrom").asString()).isEmpty();
        }
    }

    @Test
    void disconnectsIdleClient() throws Exception {
        try (SmtpDialogue smtp = smtp()) {
            expect(smtp.command("EHLO client.example"), 250);
            long start = System.nanoTime();
            Reply reply = smtp.reply();
            assertThat(reply.code()).isEqualTo(421);
            assertThat(smtp.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void cutsOffSlowDripDataAtTheDeadlineAndStoresNothing() throws Exception {
        long before = spooledCount();
        try (SmtpDialogue smtp = smtp()) {
            expect(smtp.command("EHLO client.example"), 250);
            expect(smtp.command("MAIL FROM:<alice@partner.example>"), 250);
            expect(smtp.command("RCPT TO:<support@localhost>"), 250);
            expect(smtp.command("DATA"), 354);
            long start = System.nanoTime();
            // One byte a second: each read is within the idle timeout, the whole is past the deadline.
            for (int i = 0; i < 8; i++) {
                try {
                    smtp.write("x".getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(1000);
            }
            Reply reply = smtp.reply();
            assertThat(reply).isNotNull();
            assertThat(reply.code()).isEqualTo(421);
            assertThat(reply.text()).startsWith("4.4.2");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
        assertThat(spooledCount()).isEqualTo(before);
    }

    @Test
    void capsConcurrentSessionsPerClientAddressWith421() throws Exception {
        List<SmtpDialogue> open = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                SmtpDialogue smtp = smtp();
                open.add(smtp);
                assertThat(smtp.greeting().code()).isEqualTo(220);
            }
            try (SmtpDialogue refused = smtp()) {
                assertThat(refused.greeting().code()).isEqualTo(421);
                assertThat(refused.greeting().text()).startsWith("4.7.0");
            }
        } finally {
            for (SmtpDialogue smtp : open) {
                smtp.close();
            }
        }
        // Once the sessions end, the address may connect again.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (SmtpDialogue again = smtp()) {
                assertThat(again.greeting().code()).isEqualTo(220);
            }
        });
    }

    @Test
    void refusesUnauthenticatedApiCallsWith401() throws Exception {
        assertThat(get("/api/messages/01M81W8BJJC9JX5JKK4MA1FG10", null).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> wrong = get("/api/messages/01M81W8BJJC9JX5JKK4MA1FG10", "wrong-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(get("/api/messages/01M81W8BJJC9JX5JKK4MA1FG10/raw", null).statusCode()).isEqualTo(401);
    }

    @Test
    void answers404ForUnknownOrMalformedIds() throws Exception {
        assertThat(get("/api/messages/01M81W8BJJC9JX5JKK4MA1FG10", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/api/messages/'%20OR%201=1--", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/api/messages/" + "A".repeat(5000), TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/api/messages/01M81W8BJJC9JX5JKK4MA1FG10/raw", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void reportsSmtpAndDatabaseInHealth() throws Exception {
        JsonNode health = json.readTree(get("/actuator/health", null).body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("smtp").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }
}
