package org.supportgate.auth.smime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Signed messages as mail clients send them, built with Bouncy Castle's CMS generator. */
final class SignedMessages {

    static final String HEADER = """
            From: Alice <alice@partner.example>\r
            To: support@supportgate.example\r
            Subject: Please change the smarthost\r
            Date: Sun, 22 Nov 2026 15:00:00 +0000\r
            MIME-Version: 1.0\r
            """;

    static final String CONTENT = """
            Content-Type: text/plain; charset=us-ascii\r
            Content-Transfer-Encoding: 7bit\r
            \r
            Please route mail for client.example to mx1.partner.example.\r
            \r
            Alice\r
            """;

    private static final String BOUNDARY = "----=_Part_0_1234.5678";

    private SignedMessages() {}

    /** How the CMS is made: signature algorithm, certificates included, signing-time. */
    record Cms(TestIdentity signer, String algorithm, boolean withCertificate, Instant signingTime) {

        static Cms by(TestIdentity signer) {
            return new Cms(signer, "SHA256withRSA", true, Instant.now());
        }

        Cms algorithm(String name) {
            return new Cms(signer, name, withCertificate, signingTime);
        }

        Cms withoutCertificate() {
            return new Cms(signer, algorithm, false, signingTime);
        }

        Cms signedAt(Instant time) {
            return new Cms(signer, algorithm, withCertificate, time);
        }

        byte[] sign(byte[] content, boolean encapsulate) {
            try {
                ASN1EncodableVector attributes = new ASN1EncodableVector();
                attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().setProvider(TestIdentity.BC).build())
                        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                        .build(new JcaContentSignerBuilder(algorithm).setProvider(TestIdentity.BC)
                                .build(signer.keys().getPrivate()), signer.certificate()));
                if (withCertificate) {
                    generator.addCertificates(new JcaCertStore(List.of(signer.certificate())));
                }
                return generator.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** multipart/signed around CONTENT. */
    static String detached(Cms cms) {
        return detachedWithSignature(base64(cms.sign(bytes(CONTENT), false)));
    }

    /** multipart/signed around CONTENT, with this text as the body of the signature part. */
    static String detachedWithSignature(String signatureBody) {
        return HEADER + detachedEntity(signatureBody);
    }

    /** The multipart/signed entity alone: its Content-Type field and its body. */
    static String detachedEntity(String signatureBody) {
        return "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;\r\n"
                + "\tboundary=\"" + BOUNDARY + "\"\r\n"
                + "\r\n"
                + "This is a cryptographically signed message in MIME format.\r\n"
                + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + CONTENT
                + "\r\n--" + BOUNDARY + "\r\n"
                + "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n"
                + "\r\n"
                + signatureBody
                + "\r\n--" + BOUNDARY + "--\r\n";
    }

    /** application/pkcs7-mime signed-data with CONTENT inside. */
    static String opaque(Cms cms) {
        return HEADER
                + "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=\"smime.p7m\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"smime.p7m\"\r\n"
                + "\r\n"
                + base64(cms.sign(bytes(CONTENT), true)) + "\r\n";
    }

    static String base64(byte[] der) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
