package org.supportgate.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import tools.jackson.databind.JsonNode;

/**
 * A sender-list change needs SIGNED: S/MIME by the certificate pinned for the contact. Signed by
 * the pinned certificate it becomes a ticket; the same request signed by another certificate for
 * the same address is held.
 */
class SmimeScenarioTest extends GatewayTest {

    @Test
    void signedRequestFromThePinnedCertificateMeetsSignedAndOneFromAnotherCertificateIsHeld() throws Exception {
        KeyPair pinnedKeys = rsa();
        X509Certificate pinned = certificate(pinnedKeys, "dana@partner.example");
        var imported = post("/api/partners/import", TOKEN, """
                partners:
                  - id: partner
                    name: Partner IT
                    domains: [partner.example]
                    contacts:
                      - email: dana@partner.example
                        name: Dana Signer
                        role: admin
                        smime-certificate: |
                %s
                """.formatted(pem(pinned).indent(10).stripTrailing()));
        assertThat(imported.statusCode()).as(new String(imported.body(), StandardCharsets.UTF_8)).isEqualTo(200);

        // A first, benign message gives the contact a sending history to be recognised by.
        assertThat(verdict(dkimSigned(smimeSigned(pinnedKeys, pinned, "Hello", "Just saying hello."))).path("kind").asString())
                .isEqualTo("ticket");

        String request = "Please add newsletter.example to the allow list for all users of partner.example.";
        JsonNode signed = verdict(dkimSigned(smimeSigned(pinnedKeys, pinned, "Allow list", request)));
        assertThat(signed.path("kind").asString()).isEqualTo("ticket");
        assertThat(signed.path("assurance").asString()).isEqualTo("signed");
        assertThat(signed.path("categories").toString()).contains("sender_lists");

        KeyPair otherKeys = rsa();
        JsonNode other = verdict(dkimSigned(smimeSigned(otherKeys, certificate(otherKeys, "dana@partner.example"),
                "Allow list", request)));
        assertThat(other.path("kind").asString()).isEqualTo("quarantine");
        assertThat(other.path("requiredAssurance").asString()).isEqualTo("signed");
    }

    private JsonNode verdict(byte[] mail) throws Exception {
        String id;
        try (SmtpDialogue smtp = smtp()) {
            id = SmtpDialogue.expect(smtp.send("dana@partner.example", mail, "support@localhost"), 250).queueId();
        }
        return message(id, "done").path("verdict");
    }

    private static byte[] dkimSigned(String mail) {
        RawMessage message = RawMessage.of(mail.getBytes(StandardCharsets.UTF_8));
        return message.prepend(DkimSigner.builder("partner.example", "test", DkimSigningKey.ed25519Seed(new byte[32]))
                .build().sign(message)).toBytes();
    }

    /** multipart/signed with a detached CMS signature over the first part's exact bytes. */
    private static String smimeSigned(KeyPair keys, X509Certificate certificate, String subject, String body) throws Exception {
        String content = "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()), certificate));
        generator.addCertificates(new JcaCertStore(List.of(certificate)));
        byte[] signature = generator.generate(new CMSProcessableByteArray(content.getBytes(StandardCharsets.UTF_8)), false)
                .getEncoded();
        String boundary = "sig-" + System.nanoTime();
        return "From: Dana Signer <dana@partner.example>\r\nTo: support@localhost\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + System.nanoTime() + "@partner.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\""
                + boundary + "\"\r\n\r\n--" + boundary + "\r\n" + content + "\r\n--" + boundary + "\r\n"
                + "Content-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(signature)
                + "\r\n--" + boundary + "--\r\n";
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(KeyPair keys, String email) throws Exception {
        X500Name name = new X500Name("CN=" + email);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static String pem(X509Certificate certificate) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        }
        return out.toString();
    }
}
