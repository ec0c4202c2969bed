/**
 * Authentication-Results (RFC 8601): rendering the header field this gateway adds, and removing
 * from inbound mail the fields that only this gateway may write.
 *
 * <p>Public face: {@link org.supportgate.auth.results.AuthenticationResultsHeader} renders typed
 * {@link org.supportgate.auth.results.MethodResult}s (result keywords may be given as enum names);
 * {@link org.supportgate.auth.results.AuthenticationResultsStripper} removes Authentication-Results
 * fields carrying our authserv-id and every {@code X-Supportgate-*} field, byte-exact otherwise.
 *
 * <p>SECURITY: values come from the message (MAIL FROM, From domain, DKIM tags) and are rendered
 * as tokens or escaped quoted-strings, with controls (CR, LF) dropped and length cut, so they
 * cannot end the field or inject another. The stripper reads raw, hostile bytes: it never throws,
 * is linear in the header section, bounds comment nesting, and removes an Authentication-Results
 * field whose authserv-id it cannot read rather than let a malformed forgery through.
 *
 * <p>DIAGNOSTICS: the stripper reports the names of the fields it removed; a method name, result
 * or property that is not an RFC 8601 keyword is a programming error (IllegalArgumentException).
 */
package org.supportgate.auth.results;
