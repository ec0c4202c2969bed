/**
 * Sender trust: who sent a message, how far to trust it, and the hijack and spoofing evidence
 * against it. Pure functions over fact records; the gateway gathers the facts from the
 * authentication results and the partner directory, and stores the assessment as evidence.
 *
 * <p>Public face: {@link org.supportgate.auth.trust.SenderTrust#evaluate} takes
 * {@link org.supportgate.auth.trust.TrustFacts} and returns a
 * {@link org.supportgate.auth.trust.TrustAssessment}: the proven identity (DMARC aligned, a
 * trusted ARC sealer's DMARC pass, or the pinned S/MIME certificate; never From alone), the
 * {@link org.supportgate.auth.trust.Assurance} level, and every
 * {@link org.supportgate.auth.trust.TrustSignal}. Any signal caps a sensitive request at
 * {@code NONE} ({@link org.supportgate.auth.trust.TrustAssessment#assuranceFor}).
 *
 * <p>The gateway should extend a contact's {@link org.supportgate.auth.trust.SendingHistory}
 * only from messages whose identity was proven; otherwise spoofed mail would teach it new places.
 *
 * <p>SECURITY: the From, Reply-To and Sender values and display names are attacker-chosen.
 * Domains are cut to 253 characters and decoded with UTS #46 (a label that does not decode is
 * compared as written, never thrown on); lookalikes are judged by UTS #39 confusable skeletons
 * from ICU4J, word and label comparisons, and an edit distance that stops early. At most
 * {@link org.supportgate.auth.trust.TrustPolicy#maxPartnerDomains} partner domains,
 * {@code maxContactNames} contact names and {@code maxAddresses} Reply-To addresses are compared,
 * display names are cut to {@code maxNameLength} code points, and no regular expression is used.
 * A check that stops at a limit raises {@code CHECK_INCOMPLETE} rather than passing the message:
 * nothing fails open.
 *
 * <p>DIAGNOSTICS: nothing here logs or throws for untrusted input. Each signal's detail names what
 * was seen (domains, addresses, networks, keys, counts) with control and bidi characters
 * replaced, and the assessment carries a one-line reason for its level. Inconsistent facts from
 * the gateway (a contact that is not the From address) are a bug and throw
 * {@link java.lang.IllegalArgumentException}.
 */
package org.supportgate.auth.trust;
