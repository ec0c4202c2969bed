package org.supportgate.auth.dmarc;

/** The {@code psd} tag of RFC 9989 section 4.7. */
enum PsdFlag {
    /** {@code psd=y}: the domain is a Public Suffix Domain. */
    YES,
    /** {@code psd=n}: the domain is an Organizational Domain for itself and its subdomains. */
    NO,
    /** {@code psd=u} or absent: unknown, let the DNS Tree Walk decide. */
    UNKNOWN
}
