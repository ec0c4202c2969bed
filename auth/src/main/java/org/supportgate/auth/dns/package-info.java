/**
 * DNS lookups for mail authentication, as typed answers.
 *
 * <p>{@link org.supportgate.auth.dns.DnsResolver} is the only way the auth checks reach DNS. Every
 * answer is one of {@link org.supportgate.auth.dns.DnsAnswer}'s four cases, so a caller cannot
 * confuse "no such record" with "could not ask": a temporary error is never read as pass or fail.
 *
 * <p>SECURITY: names come from untrusted mail (SPF macros, DKIM {@code d=}, From domains). Callers
 * validate names before asking; resolvers bound time per query and the number in flight.
 *
 * <p>DIAGNOSTICS: {@link org.supportgate.auth.dns.DnsAnswer.TempError} carries the reason
 * (timeout, SERVFAIL, refused) for the Authentication-Results comment and the spool's last error.
 */
package org.supportgate.auth.dns;
