package org.supportgate.auth.dmarc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the DMARC Policy Record that applies to an Author Domain (RFC 9989 section 4.10.1) and the
 * Organizational Domain of any domain (section 4.10.2), for one evaluation. Walks are remembered,
 * so the Author Domain and each Authenticated Identifier are walked at most once.
 */
final class PolicyDiscovery {

    /** The result of policy discovery for an Author Domain. */
    sealed interface Discovery {
        /** A record applies; it was found at {@code policyDomain}. */
        record Applicable(String policyDomain, DmarcRecord record) implements Discovery {}

        /** No record applies: DMARC does not apply to the message (section 5.3.2). */
        record NotApplicable(String why) implements Discovery {}

        /** A query needed to decide did not complete (section 5.3.6). */
        record TemporaryFailure(String reason) implements Discovery {}
    }

    /** An Organizational Domain, or why it could not be determined. */
    sealed interface Organization {
        record Known(String domain) implements Organization {}

        record Unknown(String reason) implements Organization {}
    }

    private final RecordLookup lookup;
    private final Map<String, TreeWalk.Walk> walks = new HashMap<>();

    PolicyDiscovery(RecordLookup lookup) {
        this.lookup = lookup;
    }

    /** Section 4.10.1, for a normalised Author Domain. */
    Discovery discover(String authorDomain) {
        // "Policy discovery starts first with a query for a valid DMARC Policy Record at the name
        // created by prepending the label _dmarc to the Author Domain ... If a valid DMARC Policy
        // Record is found there, then this is the DMARC Policy Record to be applied".
        switch (lookup.at(authorDomain)) {
            case RecordLookup.Outcome.Found found -> {
                return applicable(authorDomain, found.record());
            }
            case RecordLookup.Outcome.Failed failed -> {
                return new Discovery.TemporaryFailure("_dmarc." + authorDomain + ": " + failed.reason());
            }
            case RecordLookup.Outcome.Absent absent -> {
                // Walk on: the walk's first step reuses the answer just obtained, then continues
                // from the parent (or the seven-label shortening), as section 4.10.1 says.
            }
        }
        TreeWalk.Walk walk = walk(authorDomain);
        if (walk.failure().isPresent()) {
            return new Discovery.TemporaryFailure(walk.failure().get());
        }
        // Preference (section 4.10.1): the Author Domain (absent here), then its Organizational
        // Domain, then its Public Suffix Domain.
        String organization = OrganizationalDomain.of(walk);
        Optional<TreeWalk.PolicyAt> policy = walk.at(organization).or(walk::publicSuffix);
        if (policy.isEmpty()) {
            // "If the set produced by the DNS Tree Walk contains no DMARC Policy Record ... Mail
            // Receivers MUST NOT apply the DMARC mechanism to the message."
            return new Discovery.NotApplicable("no DMARC policy record for " + authorDomain);
        }
        return applicable(policy.get().domain(), policy.get().record());
    }

    /** Section 4.10.2, for a normalised domain. */
    Organization organizationOf(String domain) {
        TreeWalk.Walk walk = walk(domain);
        return walk.failure().<Organization>map(Organization.Unknown::new)
                .orElseGet(() -> new Organization.Known(OrganizationalDomain.of(walk)));
    }

    private TreeWalk.Walk walk(String start) {
        return walks.computeIfAbsent(start, s -> TreeWalk.from(s, lookup));
    }

    /**
     * Section 4.10.1: a record with an invalid {@code p}, {@code sp} or {@code np} and no valid
     * {@code rua} means "the Mail Receiver applies no DMARC processing to this message".
     */
    private static Discovery applicable(String policyDomain, DmarcRecord record) {
        return switch (record.use()) {
            case AS_PUBLISHED, AS_P_NONE -> new Discovery.Applicable(policyDomain, record);
            case NOT_APPLICABLE -> new Discovery.NotApplicable(
                    "invalid policy tag and no valid rua at _dmarc." + policyDomain);
        };
    }
}
