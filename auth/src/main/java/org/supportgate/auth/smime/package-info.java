/**
 * S/MIME: whether a message carries a valid signature by the certificate pinned for its sender
 * (RFC 8551, RFC 5652), the evidence for assurance level SIGNED.
 *
 * <p>The MIME structure is read by hand on top of {@link org.supportgate.auth.message.RawMessage}:
 * a Content-Type parser and a multipart splitter that returns each part as its exact octets.
 *
 * <p>SECURITY: every message is untrusted. Header values are parsed in one pass without regular
 * expressions; a Content-Type that names a parameter twice is unreadable rather than read one way.
 * The number of parts is bounded.
 *
 * <p>DIAGNOSTICS: structural problems are raised inside the package as {@code MalformedSmime}
 * with a reason, never outside it.
 */
package org.supportgate.auth.smime;
