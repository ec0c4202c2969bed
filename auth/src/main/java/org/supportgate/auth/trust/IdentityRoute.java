package org.supportgate.auth.trust;

/** The three ways a From address can be proven; nothing else makes it an identity. */
public enum IdentityRoute {
    /** DMARC passed with an SPF or DKIM identifier aligned with the From domain. */
    DMARC_ALIGNED,
    /** The newest trusted ARC sealer recorded a DMARC pass for the From domain (forwarded mail). */
    TRUSTED_ARC,
    /** A valid S/MIME signature by the certificate pinned for the contact. */
    SMIME_PINNED
}
