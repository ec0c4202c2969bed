package org.supportgate.auth.dmarc;

/**
 * One checked DKIM signature (RFC 9989 section 4.4.1): its {@code d=} domain and whether it
 * verified and counts for DMARC. A signature that failed, or that local policy excludes, has
 * {@code passed == false} and never aligns.
 */
public record DkimIdentity(String domain, boolean passed) {
    public DkimIdentity {
        if (domain == null) {
            throw new IllegalArgumentException("domain must not be null");
        }
    }
}
