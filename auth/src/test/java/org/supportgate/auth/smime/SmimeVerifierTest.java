package org.supportgate.auth.smime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportgate.auth.smime.SignedMessages.CONTENT;
import static org.supportgate.auth.smime.SignedMessages.HEADER;
import static org.supportgate.auth.smime.SignedMessages.bytes;
import static org.supportgate.auth.smime.SignedMessages.detached;
import static org.supportgate.auth.smime.SignedMessages.opaque;
import static org.supportgate.auth.smime.TestIdentity.ALICE;
import static org.supportgate.auth.smime.TestIdentity.MALLORY;
import static org.supportgate.auth.smime.TestIdentity.NOW;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportgate.auth.smime.SignedMessages.Cms;

class SmimeVerifierTest {

    private static final SmimeVerifier VERIFIER = new SmimeVerifier();
    private static final Optional<X509Certificate> PINNED_ALICE = Optional.of(ALICE.certificate());

    private static SmimeResult verify(String message, Optional<X509Certificate> pinned) {
        return VERIFIER.verify(bytes(message), pinned, NOW);
    }

    private static String text(SmimeResult result) {
        return new String(result.signedContent().orElseThrow(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void verifiesDetachedSignatureByPinnedCertificate() {
        SmimeResult result = verify(detached(Cms.by(ALICE)), PINNED_ALICE);

        assertThat(result.status()).as(result.reason()).isEqualTo(SmimeStatus.VALID_PINNED);
        assertThat(result.isValidPinned()).isTrue();
        assertThat(result.signerEmail()).contains("alice@partner.example");
        assertThat(result.signerFingerprintSha256()).contains(PinnedCertificate.fingerprintSha256(ALICE.certificate()));
        assertThat(text(result)).isEqualTo(CONTENT);
    }

    @Test
    void verifiesOpaqueSignedData() {
        SmimeResult result = verify(opaque(Cms.by(ALICE)), PINNED_ALICE);

        assertThat(result.status()).as(result.reason()).isEqualTo(SmimeStatus.VALID_PINNED);
        assertThat(text(result)).isEqualTo(CONTENT);
    }

    @Test
    void reportsValidButNotPinnedForAnotherCertificate() {
        // Same address in the certificate, another key: what a hijacker with a fresh certificate sends.
        SmimeResult other = verify(detached(Cms.by(MALLORY)), PINNED_ALICE);
        assertThat(other.status()).as(other.reason()).isEqualTo(SmimeStatus.VALID_NOT_PINNED);
        assertThat(other.reason()).contains("not by the pinned certificate");
        assertThat(other.signerEmail()).contains("alice@partner.example");
        assertThat(other.signerFingerprintSha256()).contains(PinnedCertificate.fingerprintSha256(MALLORY.certificate()));

        SmimeResult noPin = verify(detached(Cms.by(ALICE)), Optional.empty());
        assertThat(noPin.status()).isEqualTo(SmimeStatus.VALID_NOT_PINNED);
        assertThat(noPin.reason()).contains("no certificate is pinned");
    }

    @Test
    void rejectsTamperedContent() {
        String signed = detached(Cms.by(ALICE));
        String tampered = signed.replace("mx1.partner.example", "mx2.partner.example");
        assertThat(tampered).isNotEqualTo(signed);

        SmimeResult result = verify(tampered, PINNED_ALICE);

        assertThat(result.status()).isEqualTo(SmimeStatus.INVALID);
        assertThat(result.reason()).contains("message-digest mismatch");
        assertThat(result.signedContent()).isEmpty();
    }

    @Test
    void rejectsTamperedContentInsideOpaqueSignedData() {
        byte[] cms = Cms.by(ALICE).sign(bytes(CONTENT), true);
        String der = new String(cms, StandardCharsets.ISO_8859_1);
        byte[] tampered = der.replace("mx1.partner", "mx2.partner").getBytes(StandardCharsets.ISO_8859_1);
        String message = HEADER + "Content-Type: application/pkcs7-mime; smime-type=signed-data\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + SignedMessages.base64(tampered) + "\r\n";

        SmimeResult result = verify(message, PINNED_ALICE);

        assertThat(result.status()).isEqualTo(SmimeStatus.INVALID);
        assertThat(result.reason()).contains("message-digest mismatch");
    }

    @Test
    void rejectsExpiredCertificate() {
        TestIdentity expired = TestIdentity.of(TestIdentity.RSA_2048, "alice@partner.example",
                NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(30)), KeyUsage.digitalSignature);

        SmimeResult result = verify(detached(Cms.by(expired)), Optional.of(expired.certificate()));

        assertThat(result.status()).isEqualTo(SmimeStatus.EXPIRED);
        assertThat(result.reason()).contains("expired");
        assertThat(result.signedContent()).isEmpty();
    }

    @Test
    void rejectsASigningTimeOutsideTheCertificateOrInTheFuture() {
        SmimeResult before = verify(detached(Cms.by(ALICE).signedAt(NOW.minus(Duration.ofDays(10)))), PINNED_ALICE);
        assertThat(before.status()).isEqualTo(SmimeStatus.EXPIRED);
        assertThat(before.reason()).contains("outside the certificate's validity");

        SmimeResult future = verify(detached(Cms.by(ALICE).signedAt(NOW.plus(Duration.ofDays(2)))), PINNED_ALICE);
        assertThat(future.status()).isEqualTo(SmimeStatus.INVALID);
        assertThat(future.reason()).contains("in the future");

        SmimeResult skewed = verify(detached(Cms.by(ALICE).signedAt(NOW.plus(Duration.ofMinutes(10)))), PINNED_ALICE);
        assertThat(skewed.status()).as(skewed.reason()).isEqualTo(SmimeStatus.VALID_PINNED);
    }

    @Test
    void rejectsSha1Digest() {
        SmimeResult result = verify(detached(Cms.by(ALICE).algorithm("SHA1withRSA")), PINNED_ALICE);

        assertThat(result.status()).isEqualTo(SmimeStatus.INVALID);
        assertThat(result.reason()).isEqualTo("weak digest algorithm SHA-1");
    }

    @Test
    void rejectsMd5Digest() {
        SmimeResult result = verify(detached(Cms.by(ALICE).algorithm("MD5withRSA")), PINNED_ALICE);

        assertThat(result.status()).isEqualTo(SmimeStatus.INVALID);
        assertThat(result.reason()).isEqualTo("weak digest algorithm MD5");
    }

    @Test
    void rejectsRsaKeyShorterThan2048Bits() {
        TestIdentity weak = TestIdentity.of(TestIdentity.rsa(1024), "alice@partner.example",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), KeyUsage.digitalSignature);

        SmimeResult result = verify(detached(Cms.by(weak)), Optional.of(weak.certificate()));

        assertThat(result.status()).isEqualTo(SmimeStatus.INVALID);
        assertThat(result.reason()).contains("RSA key of 1024 bits");
    }

    @Test
    void rejectsACertificateWhoseKeyUsageForbidsSigning() {
        TestIdentity encryptionOnly = TestIdentity.of(TestIdentity.RSA_2048, "alice@partner.example",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), KeyUsage.keyEncipherment);

        SmimeResult result = verify(detached(Cms.by(encryptionOnly)), Optional.of(encryptionOnly.certificate()));

        assertThat(result.status()).isEqualTo(SmimeStatus.INVALID);
        assertThat(result.reason()).contains("key usage");
    }

    static Stream<Arguments> modernAlgorithms() {
        return Stream.of(
                Arguments.of("RSA-PSS", TestIdentity.RSA_2048, "SHA256withRSAandMGF1"),
                Arguments.of("RSA with SHA-512", TestIdentity.RSA_2048, "SHA512withRSA"),
                Arguments.of("ECDSA P-256", TestIdentity.ecP256(), "SHA256withECDSA"),
                Arguments.of("Ed25519", TestIdentity.ed25519(), "Ed25519"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modernAlgorithms")
    void verifiesModernSignatureAlgorithms(String name, KeyPair keys, String algorithm) {
        TestIdentity signer = TestIdentity.of(keys, "alice@partner.example",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), KeyUsage.digitalSignature);

        SmimeResult result = verify(detached(Cms.by(signer).algorithm(algorithm)), Optional.of(signer.certificate()));

        assertThat(result.status()).as(result.reason()).isEqualTo(SmimeStatus.VALID_PINNED);
    }

    @Test
    void acceptsNonRepudiationAloneAsRfc8550Does() {
        TestIdentity qualified = TestIdentity.of(TestIdentity.RSA_2048, "alice@partner.example",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), KeyUsage.nonRepudiation);

        SmimeResult result = verify(detached(Cms.by(qualified)), Optional.of(qualified.certificate()));

        assertThat(result.status()).as(result.reason()).isEqualTo(SmimeStatus.VALID_PINNED);
    }

    @Test
    void neverLetsALookAlikeCertificateInTheMessageStandInForThePinnedOne() {
        // Mallory's certificate copies Alice's issuer and serial; the SignerInfo names both.
        TestIdentity lookAlike = new TestIdentity(MALLORY.keys(), TestIdentity.of(MALLORY.keys(),
                "alice@partner.example", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)),
                KeyUsage.digitalSignature, ALICE.certificate().getSerialNumber()).certificate());

        SmimeResult result = verify(detached(Cms.by(lookAlike)), PINNED_ALICE);

        assertThat(result.status()).as(result.reason()).isNotEqualTo(SmimeStatus.VALID_PINNED)
                .isIn(SmimeStatus.INVALID, SmimeStatus.VALID_NOT_PINNED);
    }

    @Test
    void usesThePinnedCertificateWhenTheMessageCarriesNone() {
        Cms cms = Cms.by(ALICE).withoutCertificate();

        assertThat(verify(detached(cms), PINNED_ALICE).status()).isEqualTo(SmimeStatus.VALID_PINNED);
        SmimeResult unpinned = verify(detached(cms), Optional.empty());
        assertThat(unpinned.status()).isEqualTo(SmimeStatus.INVALID);
        assertThat(unpinned.reason()).contains("neither in the message nor pinned");
    }

    @Test
    void reportsNoneForUnsignedMessage() {
        SmimeResult plain = verify(HEADER + CONTENT, PINNED_ALICE);
        assertThat(plain.status()).isEqualTo(SmimeStatus.NONE);
        assertThat(plain.signerEmail()).isEmpty();
        assertThat(plain.signedContent()).isEmpty();

        String mixed = HEADER + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n" + CONTENT
                + "\r\n--b\r\nContent-Type: application/pdf\r\n\r\nJVBERi0=\r\n--b--\r\n";
        assertThat(verify(mixed, PINNED_ALICE).status()).isEqualTo(SmimeStatus.NONE);
        String brokenMixed = mixed.substring(0, mixed.indexOf("--b--"));
        assertThat(verify(brokenMixed, PINNED_ALICE).status()).isEqualTo(SmimeStatus.NONE);

        assertThat(verify("", PINNED_ALICE).status()).isEqualTo(SmimeStatus.NONE);
    }

    @Test
    void reportsNoneForSmimeThatIsNotASignature() {
        String encrypted = HEADER + "Content-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQA=\r\n";
        assertThat(verify(encrypted, PINNED_ALICE).status()).isEqualTo(SmimeStatus.NONE);

        String pgp = detached(Cms.by(ALICE)).replace("protocol=\"application/pkcs7-signature\"",
                "protocol=\"application/pgp-signature\"");
        SmimeResult result = verify(pgp, PINNED_ALICE);
        assertThat(result.status()).isEqualTo(SmimeStatus.NONE);
        assertThat(result.reason()).contains("not S/MIME");
    }

    static Stream<Arguments> garbageSignatures() {
        byte[] cms = Cms.by(ALICE).sign(bytes(CONTENT), false);
        byte[] junk = new byte[700 * 1024];
        new Random(7).nextBytes(junk);
        byte[] nested = new byte[200_000];
        for (int i = 0; i < nested.length; i += 2) {
            nested[i] = 0x30; // SEQUENCE of indefinite length, nested as deep as the bytes go
            nested[i + 1] = (byte) 0x80;
        }
        return Stream.of(
                Arguments.of("base64 garbage", "!!not*base64~~\r\n%%%%"),
                Arguments.of("random octets", SignedMessages.base64(Arrays.copyOf(junk, 3000))),
                Arguments.of("truncated CMS", SignedMessages.base64(Arrays.copyOf(cms, cms.length / 2))),
                Arguments.of("CMS cut by one octet", SignedMessages.base64(Arrays.copyOf(cms, cms.length - 1))),
                Arguments.of("deeply nested ASN.1", SignedMessages.base64(nested)),
                Arguments.of("almost 1 MiB of junk", SignedMessages.base64(junk)),
                Arguments.of("more than 1 MiB of junk", "A".repeat(1024 * 1024 + 4)),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbageSignatures")
    void reportsMalformedForGarbageSignature(String name, String signatureBody) {
        SmimeResult result = verify(SignedMessages.detachedWithSignature(signatureBody), PINNED_ALICE);

        assertThat(result.status()).as(result.reason()).isEqualTo(SmimeStatus.MALFORMED);
        assertThat(result.reason()).isNotBlank();
    }

    @Test
    void reportsMalformedForBrokenStructure() {
        String signed = detached(Cms.by(ALICE));
        String unclosed = signed.substring(0, signed.lastIndexOf("--") - 30);
        assertThat(verify(unclosed, PINNED_ALICE).status()).isEqualTo(SmimeStatus.MALFORMED);

        String noBoundary = signed.replace("\tboundary=", "\tx-boundary=");
        assertThat(verify(noBoundary, PINNED_ALICE).reason()).contains("without a boundary");

        String twoTypes = "Content-Type: text/plain\r\n" + signed;
        assertThat(verify(twoTypes, PINNED_ALICE).reason()).contains("2 Content-Type fields");

        byte[] huge = new byte[SmimeLimits.DEFAULT.maxMessageOctets() + 1];
        SmimeResult tooLarge = VERIFIER.verify(huge, PINNED_ALICE, NOW);
        assertThat(tooLarge.status()).isEqualTo(SmimeStatus.MALFORMED);
        assertThat(tooLarge.reason()).contains("larger than");
    }

    @Test
    void findsSignatureInsideMultipartMixed() {
        String signedEntity = SignedMessages.detachedEntity(SignedMessages.base64(Cms.by(ALICE).sign(bytes(CONTENT), false)));
        String wrapped = HEADER + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                + "--outer\r\n" + signedEntity
                + "\r\n--outer\r\nContent-Type: text/plain\r\n\r\n-- \r\nSent through a list server\r\n"
                + "--outer--\r\n";

        SmimeResult result = verify(wrapped, PINNED_ALICE);

        assertThat(result.status()).as(result.reason()).isEqualTo(SmimeStatus.VALID_PINNED);
        assertThat(text(result)).isEqualTo(CONTENT).doesNotContain("list server");
    }

    @Test
    void looksNoDeeperThanOneMultipartMixed() {
        String signedEntity = SignedMessages.detachedEntity(SignedMessages.base64(Cms.by(ALICE).sign(bytes(CONTENT), false)));
        String twice = HEADER + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                + "--outer\r\nContent-Type: multipart/mixed; boundary=\"inner\"\r\n\r\n"
                + "--inner\r\n" + signedEntity + "\r\n--inner--\r\n"
                + "\r\n--outer--\r\n";

        assertThat(verify(twice, PINNED_ALICE).status()).isEqualTo(SmimeStatus.NONE);
    }

    @Test
    void readsLfOnlyLineEndsAsTheCrlfThatWasSigned() {
        // Local delivery agents and mbox files hand over bare LF; clients signed CRLF (RFC 8551 3.1.1).
        String lfOnly = detached(Cms.by(ALICE)).replace("\r\n", "\n");
        SmimeResult detachedResult = verify(lfOnly, PINNED_ALICE);
        assertThat(detachedResult.status()).as(detachedResult.reason()).isEqualTo(SmimeStatus.VALID_PINNED);
        assertThat(text(detachedResult)).isEqualTo(CONTENT);

        SmimeResult opaqueResult = verify(opaque(Cms.by(ALICE)).replace("\r\n", "\n"), PINNED_ALICE);
        assertThat(opaqueResult.status()).as(opaqueResult.reason()).isEqualTo(SmimeStatus.VALID_PINNED);
    }

    @Test
    void acceptsTheOldXPkcs7MediaTypes() {
        String old = detached(Cms.by(ALICE)).replace("application/pkcs7-signature", "application/x-pkcs7-signature");
        assertThat(verify(old, PINNED_ALICE).status()).isEqualTo(SmimeStatus.VALID_PINNED);
    }

    @Test
    void neverThrowsForMangledMessages() {
        byte[] detachedMessage = bytes(detached(Cms.by(ALICE)));
        byte[] opaqueMessage = bytes(opaque(Cms.by(ALICE)));
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            byte[] message = (i % 2 == 0 ? detachedMessage : opaqueMessage).clone();
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                message[random.nextInt(message.length)] = (byte) random.nextInt(256);
            }
            byte[] mangled = random.nextBoolean() ? message : Arrays.copyOf(message, random.nextInt(message.length));

            SmimeResult result = VERIFIER.verify(mangled, PINNED_ALICE, NOW);

            assertThat(result.status()).isNotNull();
            if (result.status() == SmimeStatus.VALID_PINNED) {
                // Only bytes outside what is signed may have changed (headers, preamble, base64 line ends).
                assertThat(text(result)).isEqualTo(CONTENT);
            }
        }
    }

    @Test
    void decodesStrictBase64Only() {
        byte[] cms = Cms.by(ALICE).sign(bytes(CONTENT), false);
        String withStray = SignedMessages.base64(cms).replaceFirst("\r\n", "\r\n*");
        assertThat(verify(SignedMessages.detachedWithSignature(withStray), PINNED_ALICE).reason())
                .contains("not valid base64");
        String unwrapped = Base64.getEncoder().encodeToString(cms);
        assertThat(verify(SignedMessages.detachedWithSignature(unwrapped), PINNED_ALICE).status())
                .isEqualTo(SmimeStatus.VALID_PINNED);
    }
}
