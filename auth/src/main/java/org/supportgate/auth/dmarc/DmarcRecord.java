package org.supportgate.auth.dmarc;

import java.util.Optional;

/**
 * One parsed DMARC Policy Record (RFC 9989 section 4.7), with defaults applied and invalid tags
 * resolved as section 4.10.1 says. Reporting tags ({@code rua}, {@code ruf}, {@code fo}) are
 * only checked as far as policy needs: whether {@code rua} holds a syntactically valid URI.
 *
 * @param p the policy for the domain itself ({@code none} when absent, section 4.7)
 * @param sp the policy for existing subdomains, when given
 * @param np the policy for non-existent subdomains, when given
 * @param testing {@code t=y}: apply the policy one level below (section 4.7)
 * @param use whether and how the record's policy may be applied
 */
record DmarcRecord(
        DmarcPolicy p,
        Optional<DmarcPolicy> sp,
        Optional<DmarcPolicy> np,
        AlignmentMode adkim,
        AlignmentMode aspf,
        PsdFlag psd,
        boolean testing,
        Use use) {

    /** How section 4.10.1 lets a receiver use a record whose policy tags may be invalid. */
    enum Use {
        /** All policy tags valid (or absent): apply as published. */
        AS_PUBLISHED,
        /** An invalid {@code p}, {@code sp} or {@code np}, but a valid {@code rua}: act as p=none. */
        AS_P_NONE,
        /** An invalid {@code p}, {@code sp} or {@code np} and no valid {@code rua}: no DMARC. */
        NOT_APPLICABLE
    }

    /** The policy for a message whose Author Domain is the domain that published this record. */
    DmarcPolicy policyForOwnDomain() {
        return p;
    }

    /** The policy for an existing subdomain: {@code sp}, else {@code p} (section 4.7). */
    DmarcPolicy policyForSubdomain() {
        return sp.orElse(p);
    }

    /** The policy for a non-existent subdomain: {@code np}, else {@code sp}, else {@code p}. */
    DmarcPolicy policyForNonExistentSubdomain() {
        return np.orElse(policyForSubdomain());
    }
}
