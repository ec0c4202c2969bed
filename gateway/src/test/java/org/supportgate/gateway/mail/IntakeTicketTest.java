package org.supportgate.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import tools.jackson.databind.JsonNode;

/**
 * The whole path: a partner's authenticated mail over SMTP becomes a ticket, the acknowledgement
 * with the ticket number reaches the relay, a reply joins the ticket, and a bounce is recorded
 * without a ticket.
 */
class IntakeTicketTest extends GatewayTest {

    private static final RecordingRelay RELAY = new RecordingRelay();

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        RELAY.register(registry);
    }

    @AfterAll
    static void stopRelay() {
        RELAY.close();
    }

    @BeforeEach
    void directory() throws Exception {
        assertThat(post("/api/partners/import", TOKEN, """
                partners:
                  - id: partner
                    name: Partner IT
                    domains: [partner.example]
                    contacts:
                      - {email: alice@partner.example, name: Alice Admin, role: admin}
                """).statusCode()).isEqualTo(200);
    }

    @Test
    void opensTicketAcknowledgesItAndThreadsTheReply() throws Exception {
        String id = send(signed("""
                From: Alice Admin <alice@partner.example>
                To: support@localhost
                Subject: Mail to contoso.example is delayed
                Message-ID: <first@partner.example>

                Since 09:00 our outbound mail to contoso.example waits in the queue.
                """));
        JsonNode verdict = message(id, "done").path("verdict");
        assertThat(verdict.path("kind").asString()).isEqualTo("ticket");
        assertThat(verdict.path("created").asBoolean()).isTrue();
        assertThat(verdict.path("reply").asString()).isEqualTo("queued");
        String number = verdict.path("ticket").asString();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> RELAY.received().stream()
                .anyMatch(r -> new String(r.data(), StandardCharsets.UTF_8).contains(number)));
        String ack = RELAY.received().stream().map(r -> new String(r.data(), StandardCharsets.UTF_8))
                .filter(text -> text.contains(number)).findFirst().orElseThrow();
        assertThat(ack).contains("Auto-Submitted: auto-replied", "In-Reply-To: <first@partner.example>",
                "X-Supportgate-Loop", "[" + number + "]");

        JsonNode ticket = json.readTree(get("/api/tickets/" + number, TOKEN).body());
        assertThat(ticket.path("requester").asString()).isEqualTo("alice@partner.example");
        assertThat(ticket.path("partnerId").asString()).isEqualTo("partner");
        assertThat(ticket.path("assurance").asString()).isEqualTo("email");

        String ackMessageId = ack.lines().filter(l -> l.regionMatches(true, 0, "Message-ID:", 0, 11)).findFirst()
                .orElseThrow().substring(11).strip();
        String reply = send(signed("""
                From: Alice Admin <alice@partner.example>
                To: support@localhost
                Subject: Re: [%s] Mail to contoso.example is delayed
                Message-ID: <second@partner.example>
                In-Reply-To: %s

                It is still stuck.
                """.formatted(number, ackMessageId)));
        JsonNode joined = message(reply, "done").path("verdict");
        assertThat(joined.path("ticket").asString()).isEqualTo(number);
        assertThat(joined.path("created").asBoolean()).isFalse();

        long tickets = jdbc.sql("SELECT count(*) FROM ticket").query(Long.class).single();
        String bounce;
        try (SmtpDialogue smtp = smtp()) {
            bounce = SmtpDialogue.expect(smtp.send("", message("""
                    From: Mail Delivery System <MAILER-DAEMON@mx.partner.example>
                    To: support@localhost
                    Subject: Undelivered Mail Returned to Sender
                    MIME-Version: 1.0
                    Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                    --b1
                    Content-Type: text/plain

                    Your message could not be delivered.

                    --b1
                    Content-Type: message/delivery-status

                    Reporting-MTA: dns; mx.partner.example

                    Final-Recipient: rfc822; alice@partner.example
                    Action: failed
                    Status: 5.1.1
                    Diagnostic-Code: smtp; 550 5.1.1 no such user

                    --b1
                    Content-Type: text/rfc822-headers

                    Message-ID: %s
                    Subject: [%s] Mail to contoso.example is delayed

                    --b1--
                    """.formatted(ackMessageId, number)), "support@localhost"), 250).queueId();
        }
        JsonNode bounced = message(bounce, "done").path("verdict");
        assertThat(bounced.path("kind").asString()).isEqualTo("bounce");
        assertThat(jdbc.sql("SELECT count(*) FROM ticket").query(Long.class).single()).isEqualTo(tickets);
        assertThat(jdbc.sql("SELECT count(*) FROM bounce WHERE lower(recipient) = 'alice@partner.example'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void holdsAForgedSenderInQuarantineAndRepliesToNobody() throws Exception {
        String id = send(message("""
                From: Alice Admin <alice@strict.example>
                To: support@localhost
                Subject: hello

                Unsigned, from a domain whose SPF fails here.
                """));
        JsonNode verdict = message(id, "done").path("verdict");
        assertThat(verdict.path("kind").asString()).isEqualTo("quarantine");
        assertThat(verdict.path("reasons").get(0).asString()).startsWith("failed authentication");
        assertThat(RELAY.received()).noneMatch(r -> r.recipients().contains("alice@strict.example"));
    }

    private String send(byte[] message) throws Exception {
        try (SmtpDialogue smtp = smtp()) {
            return SmtpDialogue.expect(smtp.send("alice@partner.example", message, "support@localhost"), 250).queueId();
        }
    }

    private static byte[] signed(String text) {
        RawMessage message = RawMessage.of(message(text));
        return message.prepend(DkimSigner.builder("partner.example", "test", DkimSigningKey.ed25519Seed(new byte[32]))
                .build().sign(message)).toBytes();
    }
}
