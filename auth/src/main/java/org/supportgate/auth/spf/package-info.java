/**
 * Sender Policy Framework (RFC 7208): is this client allowed to use this MAIL FROM or HELO domain?
 *
 * <p>{@link org.supportgate.auth.spf.SpfEvaluator} is the entry point; it gives an
 * {@link org.supportgate.auth.spf.SpfVerdict} holding an {@link org.supportgate.auth.spf.SpfResult}.
 * A record is parsed whole before it is evaluated, so a syntax error anywhere is permerror; the
 * explanation (exp=) is fetched once, after the result, and only for fail.
 *
 * <p>SECURITY: the identity, the HELO name and every DNS answer are untrusted. Records are parsed
 * by hand (no backtracking patterns), capped in length and restricted to printable ASCII; macro
 * expansion is capped in size; each check is bounded by the RFC 7208 limits (10 DNS-querying
 * terms, 2 void lookups, 10 MX or PTR names) and by a total time budget, so include and redirect
 * loops end in permerror and slow DNS ends in temperror. The explanation is the domain owner's
 * text: show it quoted, never act on it.
 *
 * <p>DIAGNOSTICS: nothing here throws for bad input or DNS trouble. A DNS temporary error, or a
 * spent time budget, gives temperror (never pass or fail); a broken or over-limit policy gives
 * permerror; {@link org.supportgate.auth.spf.SpfVerdict#problem()} says which record, term or
 * lookup was at fault.
 */
package org.supportgate.auth.spf;
