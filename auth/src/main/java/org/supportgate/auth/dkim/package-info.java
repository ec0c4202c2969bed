/**
 * DKIM: verifying every signature on inbound mail and signing our outbound mail (RFC 6376,
 * RFC 8301, RFC 8463).
 *
 * <p>The gateway calls {@link org.supportgate.auth.dkim.DkimVerifier#verify} and
 * {@link org.supportgate.auth.dkim.DkimSigner#sign}; keys come from
 * {@link org.supportgate.auth.dkim.DkimSigningKey}. {@code TagList}, {@code Canonicalization},
 * {@code SignedHeaders}, {@code SignatureCheck} and {@code DkimKeyQuery} are public only because
 * {@code auth.arc} verifies ARC signatures with them; {@code DkimSigner#arcMessageSignature},
 * {@code DkimSigner#foldBase64} and {@code DkimSigningKey#sign} are public because the ARC sealer
 * signs with them, so there is one signing path for both protocols.
 *
 * <p>Accepted: rsa-sha256 with keys of 1024 to 8192 bits (SubjectPublicKeyInfo or PKCS#1), and
 * ed25519-sha256 through Bouncy Castle. rsa-sha1 and shorter keys are PERMERROR (RFC 8301).
 * A verified signature on a message with several From fields, or whose h= leaves a From field
 * unsigned, is POLICY, never PASS (RFC 6376 section 8.15).
 *
 * <p>SECURITY: signatures, key records and messages are untrusted. Tag lists are parsed by hand
 * (no regular expressions), at most 64 tags; at most {@code DkimLimits.maxSignatures} signatures
 * are verified per message, one DNS query each, and only after the body hash matched; RSA keys
 * are bounded in size; hashes are compared in constant time.
 *
 * <p>DIAGNOSTICS: nothing here throws for bad input. Every signature gets a
 * {@link org.supportgate.auth.dkim.DkimSignatureResult} with an RFC 8601 verdict and a reason.
 * A DNS temporary failure is TEMPERROR, to be retried, never read as pass or fail. The signer
 * throws {@link org.supportgate.auth.dkim.UnsignableMessageException} for a message without
 * exactly one From field.
 */
package org.supportgate.auth.dkim;
