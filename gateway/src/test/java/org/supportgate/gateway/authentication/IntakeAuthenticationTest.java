package org.supportgate.gateway.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import tools.jackson.databind.JsonNode;

/** The intake authenticates every spooled message and the API shows the results. */
class IntakeAuthenticationTest extends GatewayTest {

    private static final String MESSAGE = """
            Authentication-Results: mx.support.example; dkim=pass header.d=partner.example; dmarc=pass
            X-Supportgate-Verdict: trusted
            From: Alice Admin <alice@partner.example>
            To: support@localhost
            Subject: Change our smarthost please
            Message-ID: <auth-1@partner.example>

            Please change the smarthost to 203.0.113.5.
            """;

    @Test
    void recordsPassingResultsForASignedMessageFromThePartner() throws Exception {
        RawMessage message = RawMessage.of(new String(message(MESSAGE.lines().skip(2)
                .reduce("", (a, b) -> a + b + "\n")), java.nio.charset.StandardCharsets.UTF_8));
        byte[] signed = message.prepend(DkimSigner.builder("partner.example", "test", DkimSigningKey.ed25519Seed(new byte[32]))
                .build().sign(message)).toBytes();
        String id;
        try (SmtpDialogue smtp = smtp()) {
            id = smtp.send("alice@partner.example", signed, "support@localhost").queueId();
        }
        JsonNode authentication = message(id, "done").path("authentication");
        assertThat(authentication.path("spf").path("result").asString()).isEqualTo("pass");
        assertThat(authentication.path("dkim").get(0).path("result").asString()).isEqualTo("pass");
        assertThat(authentication.path("dkim").get(0).path("domain").asString()).isEqualTo("partner.example");
        assertThat(authentication.path("dmarc").path("result").asString()).isEqualTo("pass");
        assertThat(authentication.path("dmarc").path("dkimAligned").asBoolean()).isTrue();
        assertThat(authentication.path("arc").path("cv").asString()).isEqualTo("none");
        assertThat(authentication.path("header").asString())
                .startsWith("Authentication-Results: mx.support.example;").contains("dmarc=pass");
    }

    @Test
    void removesForgedResultsClaimingOurNameBeforeAuthenticating() throws Exception {
        String id;
        try (SmtpDialogue smtp = smtp()) {
            // From a client the partner's SPF does not list would fail; loopback is listed, so use a
            // MAIL FROM in a domain that publishes "-all" to show the forged pass is not believed.
            id = smtp.send("alice@strict.example", message(MESSAGE.replace("partner.example", "strict.example")),
                    "support@localhost").queueId();
        }
        JsonNode authentication = message(id, "done").path("authentication");
        assertThat(authentication.path("removedFields")).hasSize(2);
        assertThat(authentication.path("spf").path("result").asString()).isEqualTo("fail");
        assertThat(authentication.path("dkim")).isEmpty();
        assertThat(authentication.path("dmarc").path("result").asString()).isEqualTo("fail");
        assertThat(authentication.path("dmarc").path("appliedPolicy").asString()).isEqualTo("reject");
    }
}
