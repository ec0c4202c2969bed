package org.supportgate.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportgate.auth.arc.ArcChainValidation;
import org.supportgate.auth.arc.ArcSealer;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import tools.jackson.databind.JsonNode;

/**
 * Forwarded mail end to end: a partner's message reaches us through a forwarder that breaks its
 * authentication (our SPF check sees the forwarder, and partner.example did not sign), so DMARC
 * fails here under p=reject. The forwarder's ARC set says DMARC passed where it received the
 * message; we believe that only when the sealer is one we trust (arc.zone holds both sealers' keys).
 */
class ArcScenarioTest extends GatewayTest {

    private static final String ZONE_WITH_SEALERS = "src/test/resources/dns/arc.zone";

    /** The keys published in arc.zone: Ed25519 from seeds of 32 bytes of 7 and of 9. */
    private static final ArcSealer FORWARDER = ArcSealer.builder("forwarder.example", "arc", seed(7)).build();
    private static final ArcSealer RELAY = ArcSealer.builder("relay.example", "arc", seed(9)).build();

    /** What a sealer that received the partner's original, DKIM-signed message would have found. */
    private static final String RESULTS_AT_FORWARDER = "spf=pass smtp.mailfrom=partner.example;"
            + " dkim=pass header.d=partner.example; dmarc=pass header.from=partner.example";

    @DynamicPropertySource
    static void sealersAndZone(DynamicPropertyRegistry registry) {
        registry.add("supportgate.auth.trusted-arc-sealers", () -> "forwarder.example");
        registry.add("supportgate.dns.zone-file", () -> ZONE_WITH_SEALERS);
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
    void trustedSealerVouchingForDmarcMakesAQuestionATicket() throws Exception {
        JsonNode message = deliver(forwarded(FORWARDER, "Digest", "How do I read the quarantine digest?"));

        JsonNode arc = message.path("authentication").path("arc");
        assertThat(arc.path("cv").asString()).as(arc.toString()).isEqualTo("pass");
        assertThat(arc.path("newestSealer").asString()).isEqualTo("forwarder.example");
        assertThat(arc.path("trustedSealer").asBoolean()).isTrue();
        assertThat(message.path("authentication").path("dmarc").path("result").asString()).isEqualTo("fail");

        JsonNode verdict = message.path("verdict");
        assertThat(verdict.path("kind").asString()).as(verdict.toString()).isEqualTo("ticket");
        assertThat(verdict.path("ticket").asString()).startsWith("SG-");
        assertThat(verdict.path("assurance").asString()).isEqualTo("email");
        assertThat(verdict.path("categories")).isEmpty();
    }

    @Test
    void untrustedSealerDoesNotRescueFailedDmarc() throws Exception {
        JsonNode message = deliver(forwarded(RELAY, "Digest again", "How do I read the quarantine digest?"));

        JsonNode arc = message.path("authentication").path("arc");
        // The chain itself is sound; only the sealer is not one whose word we take.
        assertThat(arc.path("cv").asString()).as(arc.toString()).isEqualTo("pass");
        assertThat(arc.path("newestSealer").asString()).isEqualTo("relay.example");
        assertThat(arc.path("trustedSealer").asBoolean()).isFalse();
        assertThat(message.path("authentication").path("dmarc").path("result").asString()).isEqualTo("fail");

        JsonNode verdict = message.path("verdict");
        assertThat(verdict.path("kind").asString()).as(verdict.toString()).isEqualTo("quarantine");
        assertThat(verdict.path("reasons").path(0).asString()).startsWith("failed authentication");
        assertThat(verdict.has("ticket") && !verdict.path("ticket").isNull()).isFalse();
    }

    /** The whole message record after intake, sent from 127.0.0.1 with the forwarder's bounce address. */
    private JsonNode deliver(byte[] mail) throws Exception {
        String id;
        try (SmtpDialogue smtp = smtp()) {
            // forwarder.example publishes no SPF: SPF none, so nothing aligns with partner.example.
            id = SmtpDialogue.expect(smtp.send("bounces@forwarder.example", mail, "support@localhost"), 250).queueId();
        }
        return message(id, "done");
    }

    /** Alice's message, not DKIM-signed, with one ARC set from the given sealer. */
    private static byte[] forwarded(ArcSealer sealer, String subject, String body) {
        RawMessage original = RawMessage.of(message("From: Alice Admin <alice@partner.example>\nTo: support@localhost\n"
                + "Subject: " + subject + "\nMessage-ID: <" + System.nanoTime() + "@partner.example>\n\n" + body + "\n"));
        return sealer.seal(original, "mx.sealer.example", RESULTS_AT_FORWARDER, ArcChainValidation.NONE).toBytes();
    }

    private static DkimSigningKey seed(int value) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) value);
        return DkimSigningKey.ed25519Seed(seed);
    }
}
