package org.supportgate.auth.smime;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** What we report and check about the certificate that signed: its email, fingerprint and usage. */
record SignerCertificate(X509Certificate certificate, Optional<String> email, String fingerprintSha256) {

    /** RFC 5280 GeneralName tag for rfc822Name. */
    private static final int RFC822_NAME = 1;
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    static SignerCertificate of(X509Certificate certificate) throws CertificateEncodingException {
        return new SignerCertificate(certificate, email(certificate), fingerprint(certificate));
    }

    static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * RFC 8550 section 4.4: a key usage extension, when present, must allow digitalSignature or
     * nonRepudiation (some qualified certificates carry only the latter); an extended key usage,
     * when present, must allow email protection.
     */
    Optional<String> usageProblem() {
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !(bit(keyUsage, DIGITAL_SIGNATURE) || bit(keyUsage, NON_REPUDIATION))) {
            return Optional.of("the certificate's key usage does not allow digital signatures");
        }
        try {
            List<String> extended = certificate.getExtendedKeyUsage();
            if (extended != null && !extended.contains(EMAIL_PROTECTION) && !extended.contains(ANY_EXTENDED_KEY_USAGE)) {
                return Optional.of("the certificate's extended key usage does not allow email protection");
            }
        } catch (CertificateParsingException e) {
            return Optional.of("the certificate's extended key usage is unreadable");
        }
        return Optional.empty();
    }

    boolean isSameAs(X509Certificate other) throws CertificateEncodingException {
        return MessageDigest.isEqual(certificate.getEncoded(), other.getEncoded());
    }

    private static boolean bit(boolean[] bits, int index) {
        return bits.length > index && bits[index];
    }

    /** The first rfc822Name in subjectAltName, else the first emailAddress in the subject. */
    private static Optional<String> email(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.size() == 2 && name.get(0) instanceof Integer tag && tag == RFC822_NAME
                            && name.get(1) instanceof String address && !address.isBlank()) {
                        return Optional.of(address.strip());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unreadable subjectAltName reports no address from it; the subject may still have one.
        }
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs(BCStyle.EmailAddress)) {
            ASN1Encodable value = rdn.getFirst().getValue();
            if (value instanceof ASN1String text && !text.getString().isBlank()) {
                return Optional.of(text.getString().strip());
            }
        }
        return Optional.empty();
    }
}
