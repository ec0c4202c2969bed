package org.supportgate.auth.dmarc;

/**
 * The DMARC outcome for one message, in the RFC 8601 vocabulary ({@code dmarc=...}).
 *
 * <p>{@link #PERMERROR} is never produced by {@link DmarcEvaluator}: RFC 9989 turns every record
 * error into "no record" or "act as p=none" (section 4.10.1), and an unusable From field into a
 * failure (section 5.3.1). It stays so the Authentication-Results vocabulary is complete and so
 * results recorded by other verifiers can be represented.
 */
public enum DmarcResult {
    PASS,
    FAIL,
    NONE,
    TEMPERROR,
    PERMERROR
}
