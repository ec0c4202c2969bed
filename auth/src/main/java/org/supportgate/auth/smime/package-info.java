/**
 * S/MIME: whether a message carries a valid signature by the certificate pinned for its sender
 * (RFC 8551, RFC 5652), the evidence for assurance level SIGNED.
 *
 * <p>The gateway calls {@link org.supportgate.auth.smime.SmimeVerifier#verify} with the raw message,
 * the contact's pinned certificate (read once with
 * {@link org.supportgate.auth.smime.PinnedCertificate#fromPem}) and the time, and gets a
 * {@link org.supportgate.auth.smime.SmimeResult}. Only {@code VALID_PINNED} supports SIGNED, and
 * only the result's {@code signedContent} is text that the signature vouches for: headers outside
 * it (Subject, From) and other parts of a multipart/mixed are not covered.
 *
 * <p>Read: multipart/signed with application/(x-)pkcs7-signature, and application/(x-)pkcs7-mime
 * signed-data, at the top or as a part of a top-level multipart/mixed. Pinning is an exact match
 * of the certificate's DER; there is no chain building and no revocation check. Accepted: SHA-2 and
 * SHA-3 digests, RSA 2048 to 8192 bits (PKCS#1 v1.5 or PSS), ECDSA on curves of 256 bits or more,
 * Ed25519 and Ed448. MD5, SHA-1 and DSA are INVALID.
 *
 * <p>The MIME structure is read by hand on top of {@link org.supportgate.auth.message.RawMessage}:
 * a Content-Type parser and a multipart splitter that returns each part as its exact octets.
 * Bare LF line ends are read as CRLF, the canonical form that RFC 8551 has clients sign.
 *
 * <p>SECURITY: every message is untrusted. Bounded by {@link org.supportgate.auth.smime.SmimeLimits}:
 * message size (25 MiB), signature part (1 MiB), parts per multipart, signers and certificates per
 * SignedData, RSA key size. Header values are parsed in one pass without regular expressions; a
 * Content-Type that names a parameter twice is unreadable, and an entity with two Content-Type
 * fields is MALFORMED, so no two readers can see different structures. Base64 is decoded strictly.
 * Bouncy Castle bounds ASN.1 nesting. Bouncy Castle is used as a private provider instance, never
 * registered globally.
 *
 * <p>DIAGNOSTICS: {@code verify} never throws for any message; every outcome is a status with a
 * one-line reason (which bound, which algorithm, which check). Structural problems travel inside
 * the package as {@code MalformedSmime}. {@code PinnedCertificate.fromPem} throws
 * IllegalArgumentException saying what is wrong with the PEM.
 */
package org.supportgate.auth.smime;
