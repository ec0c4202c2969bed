package org.supportgate.auth.dkim;

import java.time.Duration;

/**
 * Bounds and tolerances for verification.
 *
 * @param maxSignatures signatures verified per message; the rest are reported NEUTRAL, not evaluated
 * @param clockSkew     allowance for t= in the future and x= in the past
 * @param minRsaBits    smallest RSA key accepted (RFC 8301: 1024)
 * @param maxRsaBits    largest RSA key accepted, bounding the work one signature can cost
 */
public record DkimLimits(int maxSignatures, Duration clockSkew, int minRsaBits, int maxRsaBits) {

    public static final DkimLimits DEFAULT = new DkimLimits(10, Duration.ofMinutes(5), 1024, 8192);

    public DkimLimits {
        if (maxSignatures < 1 || clockSkew.isNegative() || minRsaBits < 512 || maxRsaBits < minRsaBits) {
            throw new IllegalArgumentException("invalid DKIM limits");
        }
    }
}
