/**
 * ARC chain validation (RFC 8617), verify only: the gateway calls
 * {@link org.supportgate.auth.arc.ArcValidator#validate} and records the
 * {@link org.supportgate.auth.arc.ArcResult} as {@code arc=} evidence. We never seal.
 *
 * <p>ARC-Message-Signature verification reuses {@code auth.dkim}'s canonicalization, key lookup
 * and crypto; only the newest one is verified, as section 5.2 requires, so a chain stays valid
 * when an intermediary legitimately changed the message after an earlier hop signed it.
 *
 * <p>SECURITY: the ARC fields are untrusted. At most 50 sets are read (more is FAIL); tag lists
 * are parsed by hand; one DNS query per seal and one for the newest message signature. A passing
 * chain only says which sealers handled the message; whether to trust them is policy elsewhere.
 *
 * <p>DIAGNOSTICS: the result carries a reason naming the instance and field that failed, and
 * {@code temporary} when a DNS temporary error caused the FAIL (the caller defers instead of
 * trusting it). Nothing here throws for bad input.
 */
package org.supportgate.auth.arc;
