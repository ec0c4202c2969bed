package org.supportgate.auth.smime;

/** What the S/MIME evidence on a message amounts to. Only {@link #VALID_PINNED} supports SIGNED. */
public enum SmimeStatus {
    /** No S/MIME signature: an unsigned message, or S/MIME that is not a signature (encrypted, certs-only). */
    NONE,
    /** The signature verifies and its certificate is exactly the pinned one. */
    VALID_PINNED,
    /** The signature verifies, but no certificate is pinned or the signer used another certificate. */
    VALID_NOT_PINNED,
    /** The signature does not verify or cannot be trusted: changed content, wrong key, weak algorithm, wrong key usage. */
    INVALID,
    /** The signer's certificate is not valid now, or the message was signed outside its validity. */
    EXPIRED,
    /** The message claims S/MIME but its MIME structure or CMS encoding cannot be read, or breaks a limit. */
    MALFORMED
}
