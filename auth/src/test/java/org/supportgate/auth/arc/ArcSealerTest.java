package org.supportgate.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.dkim.DkimLimits;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.dkim.UnsignableMessageException;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

class ArcSealerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    /** The forwarder (first hop) seals with Ed25519 from a fixed seed, the list server with RSA. */
    private static final DkimSigningKey FORWARDER_KEY = DkimSigningKey.ed25519Seed(seed(7));
    private static final DkimSigningKey LIST_KEY = rsa2048();

    private static final String PARTNER_RESULTS =
            "spf=pass smtp.mailfrom=partner.example; dkim=pass header.d=partner.example; dmarc=pass header.from=partner.example";

    private static final RawMessage ORIGINAL = RawMessage.of("""
            From: Alice <alice@partner.example>
            To: support@supportgate.example
            Subject: How do I read the quarantine digest?
            Date: Mon, 13 Nov 2023 22:13:20 +0000
            Message-ID: <q-1@partner.example>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Hello,\t\s
            where is the digest?
            """);

    private static final StaticDnsResolver DNS = StaticDnsResolver.builder()
            .txt("arc._domainkey.forwarder.example", FORWARDER_KEY.txtRecord())
            .txt("list2024._domainkey.lists.example", LIST_KEY.txtRecord())
            .build();

    private static final ArcSealer FORWARDER = ArcSealer.builder("forwarder.example", "arc", FORWARDER_KEY)
            .clock(CLOCK).build();
    private static final ArcSealer LIST = ArcSealer.builder("lists.example", "list2024", LIST_KEY)
            .clock(CLOCK).build();

    private static ArcResult validate(RawMessage message) {
        // Reparse from octets, as the gateway sees the message, so folding and CRLF are tested too.
        return new ArcValidator(DNS, CLOCK, DkimLimits.DEFAULT).validate(RawMessage.of(message.toBytes()));
    }

    @Test
    void oneSetValidatesAsPass() {
        RawMessage sealed = FORWARDER.seal(ORIGINAL, "mx.forwarder.example", PARTNER_RESULTS, ArcChainValidation.NONE);

        ArcResult r = validate(sealed);
        assertThat(r.cv()).as(r.reason()).isEqualTo(ArcChainValidation.PASS);
        assertThat(r.instances()).isEqualTo(1);
        assertThat(r.oldestSealer()).isEqualTo("forwarder.example");
        assertThat(r.newestSealer()).isEqualTo("forwarder.example");
        assertThat(r.arcAuthenticationResults()).containsExactly("mx.forwarder.example;\t" + PARTNER_RESULTS);
    }

    @Test
    void newSetIsOnTopWithTheTagsRfc8617Asks() {
        RawMessage sealed = FORWARDER.seal(ORIGINAL, "mx.forwarder.example", PARTNER_RESULTS, ArcChainValidation.NONE);

        List<String> names = sealed.headers().stream().limit(4).map(HeaderField::name).toList();
        assertThat(names).containsExactly("ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results", "From");
        String seal = sealed.headers("ARC-Seal").getFirst().value();
        assertThat(seal).contains("i=1;").contains("cv=none;").contains("a=ed25519-sha256;")
                .contains("d=forwarder.example;").contains("s=arc;").contains("t=1700000000;").doesNotContain("h=");
        String ams = sealed.headers("ARC-Message-Signature").getFirst().value();
        assertThat(ams).contains("i=1;").contains("c=relaxed/relaxed;").doesNotContain("v=1");
        assertThat(ams.toLowerCase()).doesNotContain("arc-");
        assertThat(sealed.headers("ARC-Authentication-Results").getFirst().value())
                .startsWith(" i=1; mx.forwarder.example;");
        assertThat(sealed.body()).isEqualTo(ORIGINAL.body());
    }

    @Test
    void twoHopsValidateWithOldestAndNewestSealer() {
        RawMessage first = FORWARDER.seal(ORIGINAL, "mx.forwarder.example", PARTNER_RESULTS, ArcChainValidation.NONE);
        ArcResult afterFirst = validate(first);
        // The list adds a footer after the first hop, as lists do: the first AMS no longer
        // matches the body, and the chain still passes because only the newest AMS is checked.
        RawMessage changed = withBody(first, new String(ORIGINAL.body(), StandardCharsets.ISO_8859_1)
                + "--\r\nlist footer\r\n");
        RawMessage second = LIST.seal(changed, "mail.lists.example", "arc=pass smtp.remote-ip=192.0.2.1", afterFirst.cv());

        ArcResult r = validate(second);
        assertThat(r.cv()).as(r.reason()).isEqualTo(ArcChainValidation.PASS);
        assertThat(r.instances()).isEqualTo(2);
        assertThat(r.oldestSealer()).isEqualTo("forwarder.example");
        assertThat(r.newestSealer()).isEqualTo("lists.example");
        assertThat(second.headers("ARC-Seal").getFirst().value()).contains("i=2;").contains("cv=pass;");
        assertThat(r.arcAuthenticationResults()).hasSize(2);
        assertThat(r.arcAuthenticationResults().getLast()).startsWith("mail.lists.example;");
    }

    @Test
    void changedBodyAfterSealingFails() {
        RawMessage sealed = FORWARDER.seal(ORIGINAL, "mx.forwarder.example", PARTNER_RESULTS, ArcChainValidation.NONE);
        RawMessage tampered = withBody(sealed, "Please wire the money.\r\n");

        ArcResult r = validate(tampered);
        assertThat(r.cv()).isEqualTo(ArcChainValidation.FAIL);
        assertThat(r.reason()).contains("ARC-Message-Signature i=1").contains("body hash");
    }

    @Test
    void changedResultsAfterSealingFailTheSeal() {
        RawMessage sealed = FORWARDER.seal(ORIGINAL, "mx.forwarder.example",
                "dmarc=fail header.from=partner.example", ArcChainValidation.NONE);
        String text = new String(sealed.toBytes(), StandardCharsets.ISO_8859_1).replace("dmarc=fail", "dmarc=pass");

        ArcResult r = validate(RawMessage.of(text));
        assertThat(r.cv()).isEqualTo(ArcChainValidation.FAIL);
        assertThat(r.reason()).contains("ARC-Seal i=1");
    }

    @Test
    void failedChainIsSealedAsFailAndThenNotAgain() {
        RawMessage first = FORWARDER.seal(ORIGINAL, "mx.forwarder.example", PARTNER_RESULTS, ArcChainValidation.NONE);
        RawMessage broken = withBody(first, "changed\r\n");
        ArcResult arrived = validate(broken);
        assertThat(arrived.cv()).isEqualTo(ArcChainValidation.FAIL);

        RawMessage second = LIST.seal(broken, "mail.lists.example", "arc=fail", arrived.cv());
        assertThat(second.headers("ARC-Seal").getFirst().value()).contains("cv=fail;");
        assertThat(validate(second).cv()).isEqualTo(ArcChainValidation.FAIL);
        assertThatThrownBy(() -> FORWARDER.seal(second, "mx.forwarder.example", "arc=fail", ArcChainValidation.FAIL))
                .isInstanceOf(UnsignableMessageException.class).hasMessageContaining("cv=fail");
    }

    @Test
    void contradictoryCvAndHeaderInjectionAreRefused() {
        RawMessage sealed = FORWARDER.seal(ORIGINAL, "mx.forwarder.example", PARTNER_RESULTS, ArcChainValidation.NONE);
        assertThatThrownBy(() -> LIST.seal(sealed, "mail.lists.example", "arc=pass", ArcChainValidation.NONE))
                .isInstanceOf(UnsignableMessageException.class);
        assertThatThrownBy(() -> LIST.seal(ORIGINAL, "mail.lists.example", "arc=pass", ArcChainValidation.PASS))
                .isInstanceOf(UnsignableMessageException.class);
        assertThatThrownBy(() -> FORWARDER.seal(ORIGINAL, "mx.forwarder.example",
                "dmarc=pass\r\nX-Injected: yes", ArcChainValidation.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArcSealer.builder("forwarder.example", "arc", FORWARDER_KEY)
                .headers(List.of("from", "arc-authentication-results")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RawMessage withBody(RawMessage message, String body) {
        String text = new String(message.toBytes(), StandardCharsets.ISO_8859_1);
        return RawMessage.of(text.substring(0, text.indexOf("\r\n\r\n") + 4) + body);
    }

    private static byte[] seed(int value) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) value);
        return seed;
    }

    private static DkimSigningKey rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return DkimSigningKey.rsa(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
