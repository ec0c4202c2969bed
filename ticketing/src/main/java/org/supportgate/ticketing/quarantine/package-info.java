/**
 * The quarantine: requests we refuse to act on (a sensitive request below the assurance its
 * category needs, or mail that failed DMARC where the domain publishes reject or quarantine),
 * kept with the evidence staff review, their decisions, and the refusal notices.
 *
 * <p>The intake calls {@link org.supportgate.ticketing.quarantine.Quarantine#hold} with a
 * {@link org.supportgate.ticketing.quarantine.QuarantineRequest} in its transaction and records
 * {@link org.supportgate.ticketing.quarantine.QuarantineVerdict#of} as the message's verdict. Staff
 * {@code release} (a sensitive item needs two different staff; the release opens the ticket) or
 * {@code reject} (optionally with a notice). Every step is an audit event.
 *
 * <p>SECURITY: a refusal notice goes only to the audience the intake proved
 * ({@link org.supportgate.ticketing.quarantine.NoticeAudience}): the authenticated sender, the
 * partner's active admins when a forged message claimed its domain, or nobody. It never carries
 * the inbound body, attachments or subject, nor the trust signals (which would teach an attacker
 * what to avoid): only the category, the assurance it needs, and how to proceed. Notices follow
 * the RFC 3834 rules and a per-address budget. Evidence JSON is built by PostgreSQL from typed
 * values, never by pasting the sender's text. Decisions on one item take its row lock in turn, and
 * a unique index keeps one person from counting as two releases.
 *
 * <p>DIAGNOSTICS: {@code hold} is part of the caller's transaction; a failure rolls the item,
 * notices and audit back together. Replaying a spool id returns the item it already made. Each
 * notice, queued or held back with the rule that held it, is a {@code quarantine_notice} row.
 * Decisions that cannot apply (unknown item, decided already, same staff twice) are
 * {@link org.supportgate.ticketing.quarantine.DecisionOutcome} values, not exceptions.
 */
package org.supportgate.ticketing.quarantine;
