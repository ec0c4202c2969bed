/**
 * ARC (RFC 8617): validating the chain of inbound mail, and sealing mail we pass on.
 *
 * <p>The gateway calls {@link org.supportgate.auth.arc.ArcValidator#validate} and records the
 * {@link org.supportgate.auth.arc.ArcResult} as {@code arc=} evidence. A hop that forwards mail
 * (and the tests that play one) calls {@link org.supportgate.auth.arc.ArcSealer#seal} with the
 * cv the validator reached on the arriving chain; the sealer adds the next ARC set on top.
 *
 * <p>ARC-Message-Signature verification and signing reuse {@code auth.dkim}'s canonicalization,
 * key lookup, signer and crypto; only the newest one is verified, as section 5.2 requires, so a
 * chain stays valid when an intermediary legitimately changed the message after an earlier hop
 * signed it. The seal is built from the same canonical input on both sides, so what the sealer
 * writes is what the validator checks.
 *
 * <p>SECURITY: the ARC fields are untrusted. At most 50 sets are read (more is FAIL); tag lists
 * are parsed by hand; one DNS query per seal and one for the newest message signature. A passing
 * chain only says which sealers handled the message; whether to trust them is policy elsewhere.
 * The sealer writes caller text into a header field, so it refuses line breaks and non-ASCII in
 * the authserv-id and results; it never puts ARC fields in the message signature's h=, and it
 * refuses to extend a chain whose newest seal already says cv=fail (section 5.1.2).
 *
 * <p>DIAGNOSTICS: the result carries a reason naming the instance and field that failed, and
 * {@code temporary} when a DNS temporary error caused the FAIL (the caller defers instead of
 * trusting it). Nothing in the validator throws for bad input. The sealer throws
 * {@link org.supportgate.auth.dkim.UnsignableMessageException} with the reason when a message
 * cannot carry a valid set (unreadable chain, 50 sets, cv=fail seal, cv contradicting the chain,
 * not exactly one From), and {@link java.lang.IllegalArgumentException} for unsafe field text.
 */
package org.supportgate.auth.arc;
