package org.supportgate.auth.smime;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A key pair with a self-signed S/MIME certificate, made in the test run. */
record TestIdentity(KeyPair keys, X509Certificate certificate) {

    static final Provider BC = new BouncyCastleProvider();
    /** Certificates are valid around the real clock because CMS signing-time is the real clock. */
    static final Instant NOW = Instant.now();

    private static final AtomicLong SERIAL = new AtomicLong(1);

    static final KeyPair RSA_2048 = rsa(2048);
    static final KeyPair OTHER_RSA_2048 = rsa(2048);
    static final TestIdentity ALICE = of(RSA_2048, "alice@partner.example", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(365)), KeyUsage.digitalSignature | KeyUsage.keyEncipherment);
    static final TestIdentity MALLORY = of(OTHER_RSA_2048, "alice@partner.example", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(365)), KeyUsage.digitalSignature);

    static TestIdentity of(KeyPair keys, String email, Instant notBefore, Instant notAfter, int keyUsage) {
        return of(keys, email, notBefore, notAfter, keyUsage, BigInteger.valueOf(SERIAL.getAndIncrement()));
    }

    static TestIdentity of(KeyPair keys, String email, Instant notBefore, Instant notAfter, int keyUsage,
            BigInteger serial) {
        try {
            X500Name subject = new X500Name("CN=" + email);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    serial, Date.from(notBefore), Date.from(notAfter), subject,
                    keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            String algorithm = switch (keys.getPublic().getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> "Ed25519";
            };
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(keys.getPrivate())));
            return new TestIdentity(keys, certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
