package org.supportgate.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

class DkimSignerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    /** Our auto-reply, as the outbox would hand it over: LF line ends, several signed fields. */
    private static final RawMessage REPLY = RawMessage.of("""
            From: Supportgate <support@supportgate.example>
            To: alice@example.com
            Subject: [SG-1042] Mail to example.net bounces
            Date: Mon, 13 Nov 2023 22:13:20 +0000
            Message-ID: <sg-1042-ack@supportgate.example>
            In-Reply-To: <abc@example.com>
            References: <abc@example.com>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            We have your request as ticket SG-1042.\t\s
            \s
            """);

    private static DkimSignatureResult signAndVerify(DkimSigner signer, DkimSigningKey key, RawMessage message) {
        RawMessage signed = message.prepend(signer.sign(message));
        StaticDnsResolver dns = StaticDnsResolver.builder()
                .txt("sg2024._domainkey.supportgate.example", key.txtRecord()).build();
        List<DkimSignatureResult> results = new DkimVerifier(dns, CLOCK).verify(RawMessage.of(signed.toBytes()));
        assertThat(results).hasSize(1);
        return results.getFirst();
    }

    @Test
    void rsaSignatureVerifiesWithOurVerifier() {
        DkimSigner signer = DkimSigner.builder("supportgate.example", "sg2024", TestKeys.RSA).clock(CLOCK).build();
        DkimSignatureResult r = signAndVerify(signer, TestKeys.RSA, REPLY);
        assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS);
        assertThat(r.algorithm()).isEqualTo("rsa-sha256");
        assertThat(r.signedHeaders()).containsExactly("from", "to", "subject", "date", "message-id", "in-reply-to",
                "references", "mime-version", "content-type", "auto-submitted", "from");
    }

    @Test
    void ed25519SignatureVerifiesWithOurVerifier() {
        DkimSigner signer = DkimSigner.builder("supportgate.example", "sg2024", TestKeys.ED25519).clock(CLOCK).build();
        DkimSignatureResult r = signAndVerify(signer, TestKeys.ED25519, REPLY);
        assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS);
        assertThat(r.algorithm()).isEqualTo("ed25519-sha256");
    }

    @Test
    void simpleCanonicalizationAndExpiryVerifyToo() {
        DkimSigner signer = DkimSigner.builder("supportgate.example", "sg2024", TestKeys.RSA).clock(CLOCK)
                .canonicalization(Canonicalization.SIMPLE, Canonicalization.SIMPLE).validity(Duration.ofDays(7)).build();
        HeaderField field = signer.sign(REPLY);
        assertThat(field.raw()).contains("c=simple/simple").contains("x=" + (1_700_000_000L + 7 * 86400));
        assertThat(signAndVerify(signer, TestKeys.RSA, REPLY).result()).isEqualTo(DkimResult.PASS);
    }

    @Test
    void signatureFieldIsFoldedIntoShortLines() {
        HeaderField field = DkimSigner.builder("supportgate.example", "sg2024", TestKeys.RSA).clock(CLOCK).build().sign(REPLY);
        assertThat(field.name()).isEqualTo("DKIM-Signature");
        assertThat(field.raw().split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void refusesAMessageWithoutFrom() {
        RawMessage noFrom = RawMessage.of("To: alice@example.com\r\nSubject: hi\r\n\r\nbody\r\n");
        DkimSigner signer = DkimSigner.builder("supportgate.example", "sg2024", TestKeys.RSA).build();
        assertThatThrownBy(() -> signer.sign(noFrom)).isInstanceOf(UnsignableMessageException.class);
    }

    @Test
    void refusesAMessageWithTwoFroms() {
        RawMessage twoFroms = REPLY.prepend(new HeaderField("From", "From: other@supportgate.example"));
        DkimSigner signer = DkimSigner.builder("supportgate.example", "sg2024", TestKeys.RSA).build();
        assertThatThrownBy(() -> signer.sign(twoFroms)).isInstanceOf(UnsignableMessageException.class);
    }

    @Test
    void headerListMustIncludeFrom() {
        assertThatThrownBy(() -> DkimSigner.builder("supportgate.example", "sg2024", TestKeys.RSA).headers(List.of("to")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void txtRecordPublishesTheKeyTypeAndKey() {
        assertThat(TestKeys.RSA.txtRecord()).startsWith("v=DKIM1; k=rsa; p=MII");
        assertThat(TestKeys.ED25519.txtRecord()).startsWith("v=DKIM1; k=ed25519; p=").hasSize(
                "v=DKIM1; k=ed25519; p=".length() + 44);
    }

    @Test
    void readsPkcs8PemKeys() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(TestKeys.RSA_2048.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThat(DkimSigningKey.fromPem(pem).txtRecord()).isEqualTo(TestKeys.RSA.txtRecord());
        assertThatThrownBy(() -> DkimSigningKey.fromPem("not a key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ed25519KeyThatIsNotACurvePointIsPermerror() {
        DkimSigner signer = DkimSigner.builder("supportgate.example", "sg2024", TestKeys.ED25519).clock(CLOCK).build();
        RawMessage signed = REPLY.prepend(signer.sign(REPLY));
        String notAPoint = "v=DKIM1; k=ed25519; p=" + java.util.Base64.getEncoder().encodeToString(
                new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1});
        StaticDnsResolver dns = StaticDnsResolver.builder().txt("sg2024._domainkey.supportgate.example", notAPoint).build();
        assertThat(new DkimVerifier(dns, CLOCK).verify(signed)).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
            assertThat(r.reason()).contains("Ed25519");
        });
    }
}
