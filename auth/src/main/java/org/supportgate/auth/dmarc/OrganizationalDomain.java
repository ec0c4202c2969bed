package org.supportgate.auth.dmarc;

import java.util.Optional;

/** Selects the Organizational Domain from a completed DNS Tree Walk, RFC 9989 section 4.10.2. */
final class OrganizationalDomain {

    private OrganizationalDomain() {}

    /** The Organizational Domain of the walk's starting domain; the walk must be complete. */
    static String of(TreeWalk.Walk walk) {
        if (walk.found().isEmpty()) {
            // "If this process does not determine the Organizational Domain, then the initial
            // target domain is the Organizational Domain."
            return walk.start();
        }
        // The records are examined "from the longest to the shortest".
        for (TreeWalk.PolicyAt at : walk.found()) {
            switch (at.record().psd()) {
                // Rule 1: psd=n names the Organizational Domain itself.
                case NO -> {
                    return at.domain();
                }
                // Rule 2: psd=y, other than at the starting domain, makes the domain one label
                // below it (towards the starting domain) the Organizational Domain.
                case YES -> {
                    if (!at.domain().equals(walk.start())) {
                        return oneLabelBelow(walk.start(), at.domain());
                    }
                }
                case UNKNOWN -> {
                    // No decision from this record; rule 3 below.
                }
            }
        }
        // Rule 3: the record found at the name with the fewest labels. The walk lists records
        // longest first, so that is the last one.
        return walk.found().getLast().domain();
    }

    /** The ancestor of {@code start} that has exactly one label more than {@code suffix}. */
    static String oneLabelBelow(String start, String suffix) {
        return DomainName.lastLabels(start, DomainName.labelCount(suffix) + 1);
    }

    /** Convenience for callers that may hold an incomplete walk. */
    static Optional<String> ofIfComplete(TreeWalk.Walk walk) {
        return walk.failure().isPresent() ? Optional.empty() : Optional.of(of(walk));
    }
}
