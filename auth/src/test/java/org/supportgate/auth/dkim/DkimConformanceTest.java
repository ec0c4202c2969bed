package org.supportgate.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportgate.auth.Conformance;
import org.supportgate.auth.ConformanceVector;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

/**
 * Every row of "DKIM expected results" in ../shared/conformance/README.md, read in place.
 */
class DkimConformanceTest {

    private static final Clock NOW = Clock.systemUTC();

    private static List<DkimSignatureResult> verifyVector(String file, Clock clock) {
        ConformanceVector vector = ConformanceVector.read("dkim/mail-auth/" + file);
        return new DkimVerifier(vector.dns(), clock).verify(RawMessage.of(vector.message()));
    }

    private static String text(String dkimpyFile) throws IOException {
        return Files.readString(Conformance.file("dkim/dkimpy/" + dkimpyFile), StandardCharsets.ISO_8859_1);
    }

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "mail-auth/{0}: every signature passes")
    @ValueSource(strings = {"001.txt", "002.txt", "003.txt", "004.txt", "006.txt"})
    void mailAuthVectorPasses(String file) {
        List<DkimSignatureResult> results = verifyVector(file, NOW);
        assertThat(results).isNotEmpty();
        assertThat(results).allSatisfy(r -> assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS));
    }

    @Test
    @DisplayName("mail-auth/001.txt: ed25519-sha256 and rsa-sha256 both pass")
    void mailAuth001HasBothAlgorithms() {
        List<DkimSignatureResult> results = verifyVector("001.txt", NOW);
        assertThat(results).extracting(DkimSignatureResult::algorithm).containsExactly("ed25519-sha256", "rsa-sha256");
        assertThat(results).extracting(DkimSignatureResult::result).containsOnly(DkimResult.PASS);
    }

    @Test
    @DisplayName("mail-auth/005.txt: expired x= fails")
    void mailAuth005FailsAsExpired() {
        List<DkimSignatureResult> results = verifyVector("005.txt", NOW);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(DkimResult.FAIL);
            assertThat(r.reason()).contains("expired");
        });
    }

    @Test
    @DisplayName("mail-auth/005.txt: passes with the clock at its t= (the signature itself is sound)")
    void mailAuth005PassesWithinItsValidity() {
        assertThat(verifyVector("005.txt", at(1667843664L + 60)))
                .singleElement().satisfies(r -> assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS));
    }

    @Test
    @DisplayName("dkimpy/rfc6376.signed.msg: both signatures pass")
    void dkimpyRfc6376SignedPasses() throws IOException {
        StaticDnsResolver dns = StaticDnsResolver.builder()
                .txt("brisbane._domainkey.football.example.com",
                        "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
                .txt("test._domainkey.football.example.com", text("test.txt").strip())
                .build();
        List<DkimSignatureResult> results = new DkimVerifier(dns, NOW)
                .verify(RawMessage.of(text("rfc6376.signed.msg")));
        assertThat(results).hasSize(2);
        assertThat(results).allSatisfy(r -> assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS));
    }

    private static RawMessage signed(RawMessage message, DkimSigner signer) {
        return message.prepend(signer.sign(message));
    }

    @Test
    @DisplayName("dkimpy/test.message: rsa-sha256 round trip with test.private / test.txt")
    void dkimpyRsaRoundTrip() throws IOException {
        DkimSigner signer = DkimSigner.builder("example.com", "test", DkimSigningKey.fromPem(text("test.private"))).build();
        StaticDnsResolver dns = StaticDnsResolver.builder().txt("test._domainkey.example.com", text("test.txt").strip()).build();
        RawMessage message = signed(RawMessage.of(text("test.message")), signer);

        assertThat(new DkimVerifier(dns, NOW).verify(message)).singleElement()
                .satisfies(r -> assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS));

        RawMessage tampered = RawMessage.of(new String(message.toBytes(), StandardCharsets.ISO_8859_1)
                .replace("This is a test message.", "This is a test massage."));
        assertThat(new DkimVerifier(dns, NOW).verify(tampered)).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(DkimResult.FAIL);
            assertThat(r.reason()).contains("body hash");
        });
    }

    @Test
    @DisplayName("dkimpy/ed25519test.msg: ed25519-sha256 round trip with ed25519test.key / .dns")
    void dkimpyEd25519RoundTrip() throws IOException {
        DkimSigningKey key = DkimSigningKey.ed25519Seed(Base64.getDecoder().decode(text("ed25519test.key").strip()));
        DkimSigner signer = DkimSigner.builder("example.com", "test", key).build();
        StaticDnsResolver dns = StaticDnsResolver.builder()
                .txt("test._domainkey.example.com", text("ed25519test.dns").strip()).build();
        RawMessage message = signed(RawMessage.of(text("ed25519test.msg")), signer);

        assertThat(new DkimVerifier(dns, NOW).verify(message)).singleElement().satisfies(r -> {
            assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS);
            assertThat(r.algorithm()).isEqualTo("ed25519-sha256");
        });
        assertThat(key.txtRecord()).endsWith(text("ed25519test.dns").strip().substring("k=ed25519; ".length()));

        RawMessage tampered = RawMessage.of(new String(message.toBytes(), StandardCharsets.ISO_8859_1)
                .replace("This is a test message.", "This is a test massage."));
        assertThat(new DkimVerifier(dns, NOW).verify(tampered)).singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo(DkimResult.FAIL));
    }

    @ParameterizedTest(name = "dkimpy/{0} as the key record: permerror, never pass")
    @ValueSource(strings = {"badk.txt", "badversion.txt", "test_bad.txt"})
    void dkimpyMalformedKeyRecordIsPermerror(String record) throws IOException {
        DkimSigner signer = DkimSigner.builder("example.com", "test", DkimSigningKey.fromPem(text("test.private"))).build();
        StaticDnsResolver dns = StaticDnsResolver.builder().txt("test._domainkey.example.com", text(record).strip()).build();
        RawMessage message = signed(RawMessage.of(text("test.message")), signer);

        assertThat(new DkimVerifier(dns, NOW).verify(message)).singleElement().satisfies(r -> {
            assertThat(r.result()).as(r.reason()).isIn(DkimResult.PERMERROR, DkimResult.NEUTRAL);
            assertThat(r.reason()).contains("key record");
        });
    }

    @Test
    @DisplayName("dkimpy/test_nofrom.message: signing refuses, and a forged signature never passes")
    void dkimpyNoFromNeverPasses() throws IOException {
        DkimSigningKey key = DkimSigningKey.fromPem(text("test.private"));
        RawMessage noFrom = RawMessage.of(text("test_nofrom.message"));
        assertThatThrownBy(() -> DkimSigner.builder("example.com", "test", key).build().sign(noFrom))
                .isInstanceOf(UnsignableMessageException.class).hasMessageContaining("From");

        // Sign a copy that has a From, then drop the From: the signature names a field that is gone.
        RawMessage withFrom = noFrom.prepend(new HeaderField("From", "From: a@example.com"));
        HeaderField signature = DkimSigner.builder("example.com", "test", key).build().sign(withFrom);
        StaticDnsResolver dns = StaticDnsResolver.builder().txt("test._domainkey.example.com", text("test.txt").strip()).build();
        assertThat(new DkimVerifier(dns, NOW).verify(noFrom.prepend(signature))).singleElement()
                .satisfies(r -> assertThat(r.result()).isNotEqualTo(DkimResult.PASS));
    }
}
