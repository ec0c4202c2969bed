package org.supportgate.auth.dmarc;

import java.util.Optional;

/** Checks one Authenticated Identifier against the Author Domain, RFC 9989 section 4.10.2. */
final class IdentifierAlignment {

    enum Outcome {
        ALIGNED,
        NOT_ALIGNED,
        /** A query needed to compare Organizational Domains did not complete. */
        UNKNOWN
    }

    private final PolicyDiscovery discovery;

    IdentifierAlignment(PolicyDiscovery discovery) {
        this.discovery = discovery;
    }

    /**
     * @param authorDomain the normalised Author Domain
     * @param identifier the raw Authenticated Identifier (SPF domain or DKIM {@code d=})
     */
    Outcome check(String authorDomain, String identifier, AlignmentMode mode) {
        Optional<String> normalised = DomainName.normalise(identifier);
        if (normalised.isEmpty()) {
            return Outcome.NOT_ALIGNED;
        }
        String other = normalised.get();
        // Identical domains align in either mode, with no tree walk (section 4.10.2, first note).
        if (other.equals(authorDomain)) {
            return Outcome.ALIGNED;
        }
        // Strict alignment is "a simple string comparison" (section 4.10.2, third note).
        if (mode == AlignmentMode.STRICT) {
            return Outcome.NOT_ALIGNED;
        }
        // An Organizational Domain is the domain itself or one of its ancestors, so names with no
        // label in common can never share one: no DNS needed to say no.
        if (!DomainName.shareTopLabel(authorDomain, other)) {
            return Outcome.NOT_ALIGNED;
        }
        PolicyDiscovery.Organization author = discovery.organizationOf(authorDomain);
        PolicyDiscovery.Organization theirs = discovery.organizationOf(other);
        if (author instanceof PolicyDiscovery.Organization.Known a
                && theirs instanceof PolicyDiscovery.Organization.Known t) {
            return a.domain().equals(t.domain()) ? Outcome.ALIGNED : Outcome.NOT_ALIGNED;
        }
        return Outcome.UNKNOWN;
    }
}
