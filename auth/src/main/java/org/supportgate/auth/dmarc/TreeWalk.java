package org.supportgate.auth.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DNS Tree Walk of RFC 9989 section 4.10, from a starting domain towards the root, collecting
 * the DMARC Policy Records found. Replaces the Public Suffix List of RFC 7489.
 */
final class TreeWalk {

    /**
     * Section 4.10: "Author Domains with more than eight labels do not result in more than eight
     * DNS queries".
     */
    static final int MAX_QUERIES = 8;
    /** Section 4.10 step 4: a name of eight or more labels is shortened to seven. */
    private static final int SHORTENED_LABELS = 7;

    /** A record found during the walk, and the name it was found at. */
    record PolicyAt(String domain, DmarcRecord record) {}

    /**
     * The records found, longest name first, and the temporary error that stopped the walk early,
     * if one did (the walk is then incomplete and nothing may be concluded from it).
     */
    record Walk(String start, List<PolicyAt> found, Optional<String> failure) {
        Walk {
            found = List.copyOf(found);
        }

        Optional<PolicyAt> at(String domain) {
            return found.stream().filter(f -> f.domain().equals(domain)).findFirst();
        }

        /** The record with {@code psd=y}, if the walk found one (it stops there). */
        Optional<PolicyAt> publicSuffix() {
            return found.stream().filter(f -> f.record().psd() == PsdFlag.YES).findFirst();
        }
    }

    private TreeWalk() {}

    /** Walks from {@code start} (a normalised name), querying at most {@link #MAX_QUERIES} names. */
    static Walk from(String start, RecordLookup lookup) {
        List<PolicyAt> found = new ArrayList<>();
        Optional<String> target = Optional.of(start);
        // Steps 1 and 5 query a target; steps 4 and 7 compute the next. The query bound holds by
        // construction (one query, then at most seven labels); the counter makes it explicit.
        for (int queries = 0; target.isPresent() && queries < MAX_QUERIES; queries++) {
            String domain = target.get();
            switch (lookup.at(domain)) {
                case RecordLookup.Outcome.Failed failed -> {
                    return new Walk(start, found,
                            Optional.of("_dmarc." + domain + ": " + failed.reason()));
                }
                case RecordLookup.Outcome.Absent absent -> {
                    // Nothing here (or several records, all discarded): keep walking.
                }
                case RecordLookup.Outcome.Found f -> {
                    found.add(new PolicyAt(domain, f.record()));
                    // Steps 2 and 6: a single record with psd=y or psd=n stops the walk.
                    if (f.record().psd() != PsdFlag.UNKNOWN) {
                        return new Walk(start, found, Optional.empty());
                    }
                }
            }
            target = next(domain);
        }
        return new Walk(start, found, Optional.empty());
    }

    /**
     * Steps 3, 4 and 7: with x labels, x >= 8 shortens the name to its right-most seven labels,
     * otherwise the left-most label is removed; no labels left ends the walk.
     */
    static Optional<String> next(String domain) {
        int labels = DomainName.labelCount(domain);
        if (labels >= MAX_QUERIES) {
            return Optional.of(DomainName.lastLabels(domain, SHORTENED_LABELS));
        }
        return DomainName.parent(domain);
    }
}
