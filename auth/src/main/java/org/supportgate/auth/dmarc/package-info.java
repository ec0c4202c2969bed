/**
 * DMARC validation as RFC 9989 (DMARCbis, obsoleting RFC 7489 and RFC 9091) describes it for a
 * Mail Receiver: the Author Domain from the From header field, policy discovery and the
 * Organizational Domain by the DNS Tree Walk (no Public Suffix List), relaxed and strict
 * Identifier Alignment of the SPF and DKIM Authenticated Identifiers, and the policy
 * ({@code p}, {@code sp}, {@code np}, {@code t}) that applies to a failing message.
 *
 * <p>Public face: {@link org.supportgate.auth.dmarc.DmarcEvaluator} takes a
 * {@link org.supportgate.auth.dmarc.DmarcInput} (or the raw From values) and returns a
 * {@link org.supportgate.auth.dmarc.DmarcVerdict}; {@link org.supportgate.auth.dmarc.FromDomains}
 * extracts Author Domains. SPF and DKIM outcomes come in as this package's own small records so
 * that it depends on no other verifier. Reports ({@code rua}, {@code ruf}) are not sent.
 *
 * <p>SECURITY: the From value and every DNS answer are untrusted. From values are refused above
 * {@link org.supportgate.auth.dmarc.FromDomains#MAX_VALUE_LENGTH} characters and parsed without
 * regular expressions; comment nesting is bounded. Each tree walk makes at most eight queries
 * (section 4.10), answers are memoised per message, and at most
 * eight signature domains are
 * compared. A message with no From, several From fields or several authors never passes.
 *
 * <p>DIAGNOSTICS: every verdict carries a one-line reason (which record, which tag, which DNS
 * name failed). A DNS temporary error anywhere the decision depends on gives
 * {@link org.supportgate.auth.dmarc.DmarcResult#TEMPERROR}, never pass or fail, so the caller
 * defers the message.
 */
package org.supportgate.auth.dmarc;
