package org.supportgate.auth.dkim;

/** The verdict on one signature, in the vocabulary of RFC 8601 section 2.7.1. */
public enum DkimResult {
    /** The message was not signed. */
    NONE,
    /** The signature verified. */
    PASS,
    /** The signature did not verify, or is expired or not yet valid. */
    FAIL,
    /** The signature verified but this ADMD does not accept it (RFC 6376 section 8.15). */
    POLICY,
    /** The signature was not evaluated (over the per-message limit). */
    NEUTRAL,
    /** The key could not be fetched for now; try again later. */
    TEMPERROR,
    /** The signature or its key record is unusable: syntax, unknown algorithm, weak or revoked key. */
    PERMERROR
}
