package org.supportgate.auth.dmarc;

/**
 * What SPF said about the MAIL FROM identity (RFC 9989 section 4.4.2): the domain SPF evaluated
 * (the MAIL FROM domain, or the HELO domain for a null reverse-path, per RFC 7208 section 2.4)
 * and whether the result was {@code pass}. Only a pass yields an SPF-Authenticated Identifier.
 */
public record SpfIdentity(String domain, boolean passed) {
    public SpfIdentity {
        if (domain == null) {
            throw new IllegalArgumentException("domain must not be null; use Optional.empty() for no SPF");
        }
    }
}
