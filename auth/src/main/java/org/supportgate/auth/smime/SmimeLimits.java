package org.supportgate.auth.smime;

import java.time.Duration;

/**
 * Bounds and tolerances for S/MIME verification.
 *
 * @param maxMessageOctets   largest message looked at; a larger one is MALFORMED
 * @param maxSignatureOctets largest application/pkcs7-signature part (base64 as received)
 * @param maxParts           parts read from one multipart
 * @param maxSigners         SignerInfos in one SignedData; more is MALFORMED
 * @param maxCertificates    certificates in one SignedData; more is MALFORMED
 * @param clockSkew          allowance between our clock and the signer's signing-time
 * @param minRsaBits         smallest RSA key accepted
 * @param maxRsaBits         largest RSA key accepted, bounding the work one signature can cost
 */
public record SmimeLimits(int maxMessageOctets, int maxSignatureOctets, int maxParts, int maxSigners,
        int maxCertificates, Duration clockSkew, int minRsaBits, int maxRsaBits) {

    public static final SmimeLimits DEFAULT = new SmimeLimits(25 * 1024 * 1024, 1024 * 1024, 100, 4, 32,
            Duration.ofHours(1), 2048, 8192);

    public SmimeLimits {
        if (maxMessageOctets < 1 || maxSignatureOctets < 1 || maxParts < 2 || maxSigners < 1 || maxCertificates < 1
                || clockSkew.isNegative() || minRsaBits < 1024 || maxRsaBits < minRsaBits) {
            throw new IllegalArgumentException("invalid S/MIME limits");
        }
    }
}
