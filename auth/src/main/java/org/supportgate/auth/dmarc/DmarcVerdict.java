package org.supportgate.auth.dmarc;

/**
 * The DMARC outcome for one message and the facts behind it.
 *
 * @param result pass, fail, none or temperror
 * @param fromDomain the Author Domain (A-labels, lower case); empty when none could be extracted
 * @param policyDomain where the applied DMARC Policy Record was found; empty when none applies
 * @param organizationalDomain the Author Domain's Organizational Domain (RFC 9989 section 4.10.2);
 *     empty when it could not be determined (no usable From, or a DNS temporary error)
 * @param appliedPolicy the policy to apply to this message: {@code NONE} on pass, without a record
 *     or in test mode; on fail, {@code p}, {@code sp} or {@code np} as section 4.10.1 selects
 * @param spfAligned an SPF-Authenticated Identifier aligned with the Author Domain
 * @param dkimAligned a DKIM-Authenticated Identifier aligned with the Author Domain
 * @param reason a short explanation for logs, quarantine evidence and the A-R comment
 */
public record DmarcVerdict(
        DmarcResult result,
        String fromDomain,
        String policyDomain,
        String organizationalDomain,
        DmarcPolicy appliedPolicy,
        boolean spfAligned,
        boolean dkimAligned,
        String reason) {}
