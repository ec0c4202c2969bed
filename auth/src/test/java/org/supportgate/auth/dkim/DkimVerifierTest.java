package org.supportgate.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportgate.auth.dns.DnsAnswer;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.dns.MxRecord;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

class DkimVerifierTest {

    private static final long T = 1_700_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC);
    private static final String KEY_NAME = "sel._domainkey.example.com";
    private static final String RSA_RECORD = "v=DKIM1; k=rsa; p="
            + Base64.getEncoder().encodeToString(TestKeys.RSA_2048.getPublic().getEncoded());
    private static final String BASE = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel";
    private static final List<String> FROM_TO_SUBJECT = List.of("from", "to", "subject");

    private static final RawMessage MESSAGE = RawMessage.of("""
            From: Alice <alice@example.com>
            To: support@supportgate.example
            Subject: Mail to example.net bounces

            Since this morning our mail to example.net bounces.
            Can you look?
            """);

    private static DkimVerifier verifier(String record) {
        return new DkimVerifier(StaticDnsResolver.builder().txt(KEY_NAME, record).build(), CLOCK);
    }

    private static DkimSignatureResult only(List<DkimSignatureResult> results) {
        assertThat(results).hasSize(1);
        return results.getFirst();
    }

    private static DkimSignatureResult verifyForged(String tags, List<String> signed) {
        return only(verifier(RSA_RECORD).verify(Forger.signRsa(MESSAGE, tags, signed)));
    }

    @Test
    void unsignedMessageHasNoResults() {
        assertThat(verifier(RSA_RECORD).verify(MESSAGE)).isEmpty();
    }

    @Test
    void passesAWellFormedSignatureAndReportsItsClaims() {
        DkimSignatureResult r = verifyForged(BASE + "; i=alice@mail.example.com; t=" + T, FROM_TO_SUBJECT);
        assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS);
        assertThat(r.countsForDmarc()).isTrue();
        assertThat(r.domain()).isEqualTo("example.com");
        assertThat(r.selector()).isEqualTo("sel");
        assertThat(r.identity()).isEqualTo("alice@mail.example.com");
        assertThat(r.algorithm()).isEqualTo("rsa-sha256");
        assertThat(r.headerB()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(r.bodyPartlyCovered()).isFalse();
    }

    @Test
    void flagsABodyLengthThatLeavesContentUnsigned() {
        RawMessage signed = Forger.sign(MESSAGE, BASE + "; l=20", FROM_TO_SUBJECT, 20,
                TestKeys.RSA_2048.getPrivate(), "SHA256withRSA", "SHA-256");
        DkimSignatureResult r = only(verifier(RSA_RECORD).verify(signed));
        assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS);
        assertThat(r.bodyPartlyCovered()).isTrue();
    }

    @Test
    void failsAnExpiredSignatureButAllowsClockSkew() {
        assertThat(verifyForged(BASE + "; t=" + (T - 3600) + "; x=" + (T - 600), FROM_TO_SUBJECT))
                .satisfies(r -> {
                    assertThat(r.result()).isEqualTo(DkimResult.FAIL);
                    assertThat(r.reason()).contains("expired");
                });
        assertThat(verifyForged(BASE + "; t=" + (T - 3600) + "; x=" + (T - 60), FROM_TO_SUBJECT).result())
                .isEqualTo(DkimResult.PASS);
    }

    @Test
    void failsATimestampInTheFuture() {
        DkimSignatureResult r = verifyForged(BASE + "; t=" + (T + 3600), FROM_TO_SUBJECT);
        assertThat(r.result()).isEqualTo(DkimResult.FAIL);
        assertThat(r.reason()).contains("future");
        assertThat(verifyForged(BASE + "; t=" + (T + 60), FROM_TO_SUBJECT).result()).isEqualTo(DkimResult.PASS);
    }

    @Test
    void rejectsExpiryBeforeTimestamp() {
        assertThat(verifyForged(BASE + "; t=" + T + "; x=" + (T - 1), FROM_TO_SUBJECT).result())
                .isEqualTo(DkimResult.PERMERROR);
    }

    @Test
    void neverPassesRsaSha1() {
        RawMessage signed = Forger.sign(MESSAGE, "v=1; a=rsa-sha1; c=relaxed/relaxed; d=example.com; s=sel",
                FROM_TO_SUBJECT, -1, TestKeys.RSA_2048.getPrivate(), "SHA1withRSA", "SHA-1");
        DkimSignatureResult r = only(verifier(RSA_RECORD).verify(signed));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("RFC 8301");
    }

    @Test
    void refusesA512BitRsaKey() {
        RawMessage signed = Forger.sign(MESSAGE, BASE, FROM_TO_SUBJECT, -1, TestKeys.RSA_512.getPrivate(),
                "SHA256withRSA", "SHA-256");
        String weak = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(TestKeys.RSA_512.getPublic().getEncoded());
        DkimSignatureResult r = only(verifier(weak).verify(signed));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("512 bits");
    }

    @Test
    void signedHeadersWithoutFromAreNotValid() {
        DkimSignatureResult r = verifyForged(BASE, List.of("to", "subject"));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("From");
    }

    @Test
    void twoFromFieldsNeverGiveAPassThatCountsForDmarc() {
        RawMessage twoFroms = MESSAGE.prepend(new HeaderField("From", "From: Mallory <ceo@example.com>"));
        RawMessage signed = Forger.signRsa(twoFroms, BASE, List.of("from", "from", "to", "subject"));
        DkimSignatureResult r = only(verifier(RSA_RECORD).verify(signed));
        assertThat(r.result()).isEqualTo(DkimResult.POLICY);
        assertThat(r.countsForDmarc()).isFalse();
        assertThat(r.reason()).contains("8.15");
    }

    @Test
    void aFromAddedAfterSigningBreaksAnOversignedSignature() {
        RawMessage signed = Forger.signRsa(MESSAGE, BASE, List.of("from", "from", "to", "subject"));
        assertThat(only(verifier(RSA_RECORD).verify(signed)).result()).isEqualTo(DkimResult.PASS);
        RawMessage added = RawMessage.of(new String(signed.toBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("To: support", "From: ceo@example.com\r\nTo: support"));
        assertThat(only(verifier(RSA_RECORD).verify(added)).result()).isNotEqualTo(DkimResult.PASS);
    }

    @Test
    void aMissingFieldInHeaderListSignsNullAndAddingItLaterBreaksTheSignature() {
        RawMessage signed = Forger.signRsa(MESSAGE, BASE, List.of("from", "reply-to", "subject"));
        assertThat(only(verifier(RSA_RECORD).verify(signed)).result()).isEqualTo(DkimResult.PASS);
        RawMessage withReplyTo = RawMessage.of(new String(signed.toBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("Subject:", "Reply-To: attacker@evil.example\r\nSubject:"));
        assertThat(only(verifier(RSA_RECORD).verify(withReplyTo)).result()).isEqualTo(DkimResult.FAIL);
    }

    @Test
    void repeatedHeaderNamesAreTakenBottomUp() {
        RawMessage twoReceived = RawMessage.of("""
                Received: from b.example by c.example
                Received: from a.example by b.example
                From: alice@example.com

                body
                """);
        RawMessage signed = Forger.signRsa(twoReceived, BASE, List.of("received", "received", "from"));
        assertThat(only(verifier(RSA_RECORD).verify(signed)).result()).isEqualTo(DkimResult.PASS);
        RawMessage swapped = RawMessage.of(new String(signed.toBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("from b.example by c.example", "TMP").replace("from a.example by b.example", "from b.example by c.example")
                .replace("TMP", "from a.example by b.example"));
        assertThat(only(verifier(RSA_RECORD).verify(swapped)).result()).isEqualTo(DkimResult.FAIL);
    }

    @Test
    void dnsTemporaryErrorIsTemperror() {
        RawMessage signed = Forger.signRsa(MESSAGE, BASE, FROM_TO_SUBJECT);
        DkimVerifier verifier = new DkimVerifier(StaticDnsResolver.builder().timeout(KEY_NAME).build(), CLOCK);
        DkimSignatureResult r = only(verifier.verify(signed));
        assertThat(r.result()).isEqualTo(DkimResult.TEMPERROR);
    }

    @Test
    void missingKeyRecordIsPermerror() {
        RawMessage signed = Forger.signRsa(MESSAGE, BASE, FROM_TO_SUBJECT);
        DkimVerifier verifier = new DkimVerifier(StaticDnsResolver.builder().build(), CLOCK);
        assertThat(only(verifier.verify(signed)).result()).isEqualTo(DkimResult.PERMERROR);
    }

    @ParameterizedTest(name = "malformed signature: {0}")
    @ValueSource(strings = {
            "this is not a tag list",
            "v=1; v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA",
            "v=1;; a=rsa-sha256",
            "=1; a=rsa-sha256",
            "v=2; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=!!!; b=AAAA",
            "v=1; a=rsa-sha256; d=exa mple.com; s=sel; h=from; bh=AAAA; b=AAAA",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; l=99999999999999999999",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; t=-5",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; i=alice@other.example",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; q=http",
            "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA; c=fancy/relaxed",
            ""})
    void malformedSignatureIsPermerrorWithoutException(String value) {
        RawMessage message = MESSAGE.prepend(new HeaderField("DKIM-Signature", "DKIM-Signature: " + value));
        DkimSignatureResult r = only(verifier(RSA_RECORD).verify(message));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).isNotBlank();
    }

    @Test
    void hugeSignatureFieldIsPermerrorWithoutException() {
        String huge = "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=" + "A".repeat(60_000);
        RawMessage message = MESSAGE.prepend(new HeaderField("DKIM-Signature", "DKIM-Signature: " + huge));
        assertThat(only(verifier(RSA_RECORD).verify(message)).result()).isIn(DkimResult.PERMERROR, DkimResult.FAIL);
        String manyTags = "v=1; " + "x0=1; ".repeat(100) + "a=rsa-sha256";
        RawMessage many = MESSAGE.prepend(new HeaderField("DKIM-Signature", "DKIM-Signature: " + manyTags));
        assertThat(only(verifier(RSA_RECORD).verify(many)).result()).isEqualTo(DkimResult.PERMERROR);
        String manyHeaders = "v=1; a=rsa-sha256; d=example.com; s=sel; bh=AAAA; b=AAAA; h=from" + ":to".repeat(5_000);
        RawMessage longList = MESSAGE.prepend(new HeaderField("DKIM-Signature", "DKIM-Signature: " + manyHeaders));
        assertThat(only(verifier(RSA_RECORD).verify(longList)).reason()).contains("more than 256");
    }

    @ParameterizedTest(name = "key record {0}: permerror")
    @ValueSource(strings = {
            "v=DKIM1; k=rsa; p=",
            "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
            "v=DKIM1; k=rsa; h=sha1; p=KEY",
            "v=DKIM1; k=rsa; s=tlsrpt; p=KEY",
            "k=rsa; v=DKIM1; p=KEY",
            "v=DKIM1; k=rsa; p=bm90IGEga2V5",
            "v=DKIM1; k=rsa; p=@@@@",
            "garbage"})
    void unusableKeyRecordIsPermerror(String record) {
        String keyB64 = RSA_RECORD.substring(RSA_RECORD.indexOf("p=") + 2);
        DkimSignatureResult r = verifyWith(record.replace("KEY", keyB64));
        assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PERMERROR);
    }

    private static DkimSignatureResult verifyWith(String record) {
        return only(verifier(record).verify(Forger.signRsa(MESSAGE, BASE, FROM_TO_SUBJECT)));
    }

    @Test
    void revokedKeySaysSo() {
        assertThat(verifyWith("v=DKIM1; k=rsa; p=").reason()).contains("revoked");
    }

    @Test
    void testingFlagIsRecorded() {
        DkimSignatureResult r = verifyWith(RSA_RECORD + "; t=y");
        assertThat(r.result()).isEqualTo(DkimResult.PASS);
        assertThat(r.testing()).isTrue();
    }

    @Test
    void strictKeyRequiresIdentityInTheSigningDomainItself() {
        String strict = RSA_RECORD + "; t=s";
        assertThat(only(verifier(strict).verify(Forger.signRsa(MESSAGE, BASE + "; i=a@sub.example.com", FROM_TO_SUBJECT)))
                .result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(only(verifier(strict).verify(Forger.signRsa(MESSAGE, BASE + "; i=a@example.com", FROM_TO_SUBJECT)))
                .result()).isEqualTo(DkimResult.PASS);
    }

    @Test
    void pkcs1KeyRecordWorksToo() throws Exception {
        byte[] spki = TestKeys.RSA_2048.getPublic().getEncoded();
        byte[] pkcs1 = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getBytes();
        assertThat(verifyWith("v=DKIM1; p=" + Base64.getEncoder().encodeToString(pkcs1)).result()).isEqualTo(DkimResult.PASS);
    }

    @Test
    void aChangedKeyRecordIsReadAgainThoughReadKeysAreKept() {
        AtomicReference<String> published = new AtomicReference<>(RSA_RECORD);
        DnsResolver dns = new DnsResolver() {
            @Override
            public DnsAnswer<String> txt(String name) {
                return name.equals(KEY_NAME) ? DnsAnswer.of(List.of(published.get())) : new DnsAnswer.NxDomain<>();
            }

            @Override
            public DnsAnswer<InetAddress> a(String name) {
                return new DnsAnswer.NxDomain<>();
            }

            @Override
            public DnsAnswer<InetAddress> aaaa(String name) {
                return new DnsAnswer.NxDomain<>();
            }

            @Override
            public DnsAnswer<MxRecord> mx(String name) {
                return new DnsAnswer.NxDomain<>();
            }

            @Override
            public DnsAnswer<String> ptr(InetAddress address) {
                return new DnsAnswer.NxDomain<>();
            }
        };
        DkimVerifier verifier = new DkimVerifier(dns, CLOCK);
        RawMessage signed = Forger.signRsa(MESSAGE, BASE, FROM_TO_SUBJECT);
        assertThat(only(verifier.verify(signed)).result()).isEqualTo(DkimResult.PASS);
        assertThat(only(verifier.verify(signed)).testing()).isFalse();

        published.set(RSA_RECORD + "; t=y");
        assertThat(only(verifier.verify(signed)).testing()).isTrue();

        published.set("v=DKIM1; k=rsa; p=");
        assertThat(only(verifier.verify(signed)).reason()).contains("revoked");
    }

    @Test
    void evaluatesAtMostTheConfiguredNumberOfSignatures() {
        RawMessage message = MESSAGE;
        for (int i = 0; i < 12; i++) {
            message = Forger.signRsa(message, BASE + "; t=" + (T - i), FROM_TO_SUBJECT);
        }
        List<DkimSignatureResult> results = verifier(RSA_RECORD).verify(message);
        assertThat(results).hasSize(12);
        assertThat(results.subList(0, 10)).extracting(DkimSignatureResult::result).containsOnly(DkimResult.PASS);
        assertThat(results.subList(10, 12)).allSatisfy(r -> {
            assertThat(r.result()).isEqualTo(DkimResult.NEUTRAL);
            assertThat(r.reason()).contains("not evaluated");
        });
        assertThat(results).extracting(DkimSignatureResult::headerB).doesNotHaveDuplicates();
    }

    @Test
    void customLimitsApply() {
        DkimVerifier tight = new DkimVerifier(StaticDnsResolver.builder().txt(KEY_NAME, RSA_RECORD).build(), CLOCK,
                new DkimLimits(1, Duration.ZERO, 2048, 4096));
        RawMessage signed = Forger.signRsa(MESSAGE, BASE + "; t=" + (T + 1), FROM_TO_SUBJECT);
        assertThat(only(tight.verify(signed)).result()).isEqualTo(DkimResult.FAIL);
    }

    @Test
    void neverThrowsOnRandomDamageToASignedMessage() {
        byte[] signed = Forger.signRsa(MESSAGE, BASE, FROM_TO_SUBJECT).toBytes();
        java.util.Random random = new java.util.Random(7);
        DkimVerifier verifier = verifier(RSA_RECORD);
        for (int i = 0; i < 500; i++) {
            byte[] damaged = signed.clone();
            for (int j = 0; j < 1 + random.nextInt(4); j++) {
                damaged[random.nextInt(Math.min(400, damaged.length))] = (byte) random.nextInt(256);
            }
            RawMessage message = RawMessage.of(damaged);
            assertThat(verifier.verify(message)).allSatisfy(r -> assertThat(r.result()).isNotNull());
        }
    }
}
