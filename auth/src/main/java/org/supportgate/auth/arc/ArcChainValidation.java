package org.supportgate.auth.arc;

/** The chain validation status of RFC 8617 section 4.4 ({@code cv=}, and {@code arc=} in A-R). */
public enum ArcChainValidation {
    /** No ARC sets on the message. */
    NONE,
    /** Every seal and the newest message signature verified, and the structure is sound. */
    PASS,
    /** Anything else: broken structure, a seal that says cv=fail, a signature that did not verify. */
    FAIL
}
