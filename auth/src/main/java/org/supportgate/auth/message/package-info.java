/**
 * A raw RFC 5322 message as signers and verifiers see it: header fields in order, each with its
 * exact bytes, and the body bytes.
 *
 * <p>{@link org.supportgate.auth.message.RawMessage#parse(byte[])} keeps every byte that DKIM and
 * ARC hash. Text is held as ISO-8859-1 strings so that one char is one octet and any 8-bit header
 * survives a round trip unchanged. Bare LF line ends are read as CRLF, as real verifiers do, because
 * messages handed over by local tools and test suites often use them.
 *
 * <p>SECURITY: the input is untrusted mail. Parsing is one linear pass with no regular expressions;
 * the header count, the length of one field and of the whole header section are bounded by
 * {@link org.supportgate.auth.message.MessageLimits}.
 *
 * <p>DIAGNOSTICS: a message over a bound is a {@link org.supportgate.auth.message.MessageParse.Rejected}
 * naming the bound; parsing never throws for any input.
 */
package org.supportgate.auth.message;
