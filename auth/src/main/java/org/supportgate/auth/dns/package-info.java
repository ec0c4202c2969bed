/**
 * DNS lookups for mail authentication, as typed answers.
 *
 * <p>{@link org.supportgate.auth.dns.DnsResolver} is the only way the auth checks reach DNS. Every
 * answer is one of {@link org.supportgate.auth.dns.DnsAnswer}'s four cases, so a caller cannot
 * confuse "no such record" with "could not ask": a temporary error is never read as pass or fail.
 * {@link org.supportgate.auth.dns.DnsjavaResolver} asks recursive servers (production);
 * {@link org.supportgate.auth.dns.ZoneFileResolver} answers from master-file text (tests, the
 * offline check tool); {@link org.supportgate.auth.dns.StaticDnsResolver} from records in code.
 *
 * <p>SECURITY: names come from untrusted mail (SPF macros, DKIM {@code d=}, From domains) and
 * answers from servers anyone can run. Callers validate names before asking; a name that cannot be
 * put on the wire is NXDOMAIN. The network resolver bounds each lookup in time (queueing and CNAME
 * re-queries included), the queries in flight, the cache size and the TTL it honours (one day),
 * and follows at most 8 CNAMEs. Zone text may not {@code $INCLUDE} other files.
 *
 * <p>DIAGNOSTICS: {@link org.supportgate.auth.dns.DnsAnswer.TempError} carries the reason
 * (timeout, SERVFAIL, REFUSED, no free query slot, I/O error, CNAME loop) for the
 * Authentication-Results comment and the spool's last error. Nothing here throws for a DNS
 * outcome; bad configuration (server address, limits, zone text) throws
 * {@link java.lang.IllegalArgumentException} at construction.
 */
package org.supportgate.auth.dns;
