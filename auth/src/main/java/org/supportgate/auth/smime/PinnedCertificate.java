package org.supportgate.auth.smime;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;

/**
 * Reads the certificate a contact registers for S/MIME from PEM text, as staff paste it or as
 * a partner uploads it. Exactly one certificate: a pin on a bundle would be ambiguous.
 */
public final class PinnedCertificate {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private PinnedCertificate() {}

    /**
     * Text around the block (openssl's "Bag Attributes", a subject line) is ignored.
     *
     * @throws IllegalArgumentException naming what is wrong: no certificate block, another kind
     *                                  of block, more than one certificate, bad base64, or DER
     *                                  that is not one X.509 certificate
     */
    public static X509Certificate fromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        int begin = pem.indexOf(BEGIN);
        if (begin < 0) {
            int other = pem.indexOf("-----BEGIN ");
            throw new IllegalArgumentException(other < 0
                    ? "no \"" + BEGIN + "\" line: this is not a PEM certificate"
                    : "the PEM block is \"" + firstLine(pem.substring(other)) + "\", not a certificate");
        }
        int end = pem.indexOf(END, begin);
        if (end < 0) {
            throw new IllegalArgumentException("the certificate has no \"" + END + "\" line");
        }
        if (pem.indexOf(BEGIN, end) >= 0) {
            throw new IllegalArgumentException("more than one certificate; pin exactly the contact's own certificate");
        }
        byte[] der = decode(pem.substring(begin + BEGIN.length(), end));
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            if (!MessageDigest.isEqual(certificate.getEncoded(), der)) {
                throw new IllegalArgumentException("the certificate block has data after the certificate");
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the block is not a readable X.509 certificate: " + e.getMessage(), e);
        }
        return certificate;
    }

    /** SHA-256 of the DER encoding, lower-case hex, as {@link SmimeResult#signerFingerprintSha256()} reports it. */
    public static String fingerprintSha256(X509Certificate certificate) {
        try {
            return SignerCertificate.fingerprint(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String body) {
        StringBuilder base64 = new StringBuilder(body.length());
        for (char c : body.toCharArray()) {
            if (!Character.isWhitespace(c)) {
                base64.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the certificate block is not valid base64: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String text) {
        int eol = text.indexOf('\n');
        return (eol < 0 ? text : text.substring(0, eol)).strip();
    }
}
