package org.supportgate.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
import org.supportgate.gateway.mail.RecordingRelay;
import tools.jackson.databind.JsonNode;

/**
 * What the golden corpus (GoldenCasesTest) cannot show: the refusal notices as they reach the
 * relay (never quoting the request, never to the forger) and a burst of requests over time.
 */
class PolicyScenariosTest extends GatewayTest {

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
                      - {email: bob@partner.example, name: Bob Tech, role: technical}
                      - {email: carol@partner.example, name: Carol Gone, role: technical, active: false}
                """).statusCode()).isEqualTo(200);
    }

    @Test
    void quarantinesAMailServerChangeFromAnAuthenticatedContactAndTellsTheSender() throws Exception {
        JsonNode verdict = verdictOf(signed("bob@partner.example", "Bob Tech", "New mail server",
                "Please change the destination mail server for acme.example to 203.0.113.25 today. UNIQUE-BODY-1"));
        assertThat(verdict.path("kind").asString()).isEqualTo("quarantine");
        assertThat(verdict.path("categories").toString()).contains("mail_routing");
        assertThat(verdict.path("requiredAssurance").asString()).isEqualTo("support_code");
        String notice = awaitMailTo("bob@partner.example");
        assertThat(notice).doesNotContain("UNIQUE-BODY-1").contains("support code");
    }

    @Test
    void quarantinesAForgedWhitelistRequestAndTellsThePartnersAdminsNotTheForger() throws Exception {
        JsonNode verdict = verdictOf("mallory@evil.example", message("""
                From: Bob Tech <bob@partner.example>
                To: support@localhost
                Subject: whitelist please
                Reply-To: mallory@evil.example

                Please whitelist the sender domain evil.example for all our users. UNIQUE-BODY-2
                """));
        assertThat(verdict.path("kind").asString()).isEqualTo("quarantine");
        String notice = awaitMailTo("alice@partner.example");
        assertThat(notice).doesNotContain("UNIQUE-BODY-2");
        assertThat(RELAY.received()).noneMatch(r -> r.recipients().contains("mallory@evil.example")
                || r.recipients().contains("bob@partner.example") && new String(r.data(), StandardCharsets.UTF_8).contains("whitelist"));
    }

    @Test
    void flagsABurstOfSensitiveRequestsFromOneContact() throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 4; i++) {
            last = verdictOf(signed("alice@partner.example", "Alice Admin", "logs " + i,
                    "Please send us the message logs for mailbox number " + i + " of acme.example."));
            assertThat(last.path("kind").asString()).isEqualTo("quarantine");
        }
        assertThat(last.path("reasons").toString()).contains("sensitive requests from alice@partner.example in the last 60 minutes");
    }

    private JsonNode verdictOf(byte[] signed) throws Exception {
        String from = new String(signed, StandardCharsets.ISO_8859_1).contains("<alice@partner.example>")
                ? "alice@partner.example" : "bob@partner.example";
        return verdictOf(from, signed);
    }

    private JsonNode verdictOf(String mailFrom, byte[] mail) throws Exception {
        String id;
        try (SmtpDialogue smtp = smtp()) {
            id = SmtpDialogue.expect(smtp.send(mailFrom, mail, "support@localhost"), 250).queueId();
        }
        return message(id, "done").path("verdict");
    }

    private static byte[] signed(String from, String name, String subject, String body) {
        return signedWith(from, name, subject, null, body);
    }

    private static byte[] signedWith(String from, String name, String subject, String extraHeader, String body) {
        String text = "From: " + name + " <" + from + ">\nTo: support@localhost\nSubject: " + subject + "\n"
                + (extraHeader == null ? "" : extraHeader + "\n") + "Message-ID: <" + System.nanoTime() + "@partner.example>\n\n"
                + body + "\n";
        RawMessage message = RawMessage.of(message(text));
        return message.prepend(DkimSigner.builder("partner.example", "test", DkimSigningKey.ed25519Seed(new byte[32]))
                .build().sign(message)).toBytes();
    }

    private static String awaitMailTo(String recipient) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> RELAY.received().stream()
                .anyMatch(r -> r.recipients().contains(recipient)));
        List<String> mails = RELAY.received().stream().filter(r -> r.recipients().contains(recipient))
                .map(r -> new String(r.data(), StandardCharsets.UTF_8)).toList();
        return mails.getLast();
    }
}
