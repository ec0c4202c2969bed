package org.supportgate.auth.dmarc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.supportgate.auth.dns.DnsResolver;

/**
 * Evaluates DMARC for one message, following the Mail Receiver actions of RFC 9989 section 5.3:
 * extract the Author Domain, discover the policy, check Identifier Alignment, decide pass or fail,
 * and select the policy that applies. Thread-safe: each evaluation keeps its own DNS memo.
 */
public final class DmarcEvaluator {

    /**
     * Passing DKIM signatures whose {@code d=} is compared; more are ignored. Each distinct domain
     * can cost a tree walk of up to eight queries, and real mail carries one to three signatures.
     */
    static final int MAX_DKIM_DOMAINS = 8;

    private final DnsResolver resolver;

    public DmarcEvaluator(DnsResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Evaluates from the raw values of the message's From header fields (one entry per field).
     * Zero fields, several fields or an unusable address list give {@link DmarcResult#FAIL}.
     */
    public DmarcVerdict evaluate(List<String> fromHeaderValues, Optional<SpfIdentity> spf,
            List<DkimIdentity> dkim) {
        if (fromHeaderValues.isEmpty()) {
            return unusableFrom("no From header field");
        }
        if (fromHeaderValues.size() > 1) {
            return unusableFrom(fromHeaderValues.size() + " From header fields");
        }
        return switch (FromDomains.parse(fromHeaderValues.getFirst())) {
            case FromDomains.Extracted extracted -> evaluate(new DmarcInput(extracted.domains(), spf, dkim));
            case FromDomains.Rejected rejected -> unusableFrom("From: " + rejected.describe());
        };
    }

    /** Evaluates from already extracted From domains. */
    public DmarcVerdict evaluate(DmarcInput input) {
        // Section 5.3.1: with zero or several Author Domains "DMARC validation is not possible".
        // This gateway never lets such a message pass (section 4.4: identifier alignment cannot
        // occur with a malformed, absent or repeated From), so it is a failure with a reason.
        if (input.fromDomains().isEmpty()) {
            return unusableFrom("no author domain in From");
        }
        if (input.fromDomains().size() > 1) {
            return unusableFrom(input.fromDomains().size() + " addresses in From");
        }
        Optional<String> author = DomainName.normalise(input.fromDomains().getFirst());
        if (author.isEmpty()) {
            return unusableFrom("From domain is not a valid domain name");
        }
        return new Evaluation(author.get(), input).run();
    }

    private static DmarcVerdict unusableFrom(String reason) {
        return new DmarcVerdict(DmarcResult.FAIL, "", "", "", DmarcPolicy.NONE, false, false, reason);
    }

    /** The steps for one message; holds the DNS memo of that message only. */
    private final class Evaluation {
        private final String author;
        private final DmarcInput input;
        private final PolicyDiscovery discovery = new PolicyDiscovery(new RecordLookup(resolver));
        private final IdentifierAlignment alignment = new IdentifierAlignment(discovery);

        Evaluation(String author, DmarcInput input) {
            this.author = author;
            this.input = input;
        }

        DmarcVerdict run() {
            return switch (discovery.discover(author)) {
                case PolicyDiscovery.Discovery.TemporaryFailure t ->
                        verdict(DmarcResult.TEMPERROR, "", DmarcPolicy.NONE, false, false,
                                "DNS temporary error: " + t.reason());
                // Section 5.3.2: no record, so the DMARC mechanism does not apply.
                case PolicyDiscovery.Discovery.NotApplicable n ->
                        verdict(DmarcResult.NONE, "", DmarcPolicy.NONE, false, false, n.why());
                case PolicyDiscovery.Discovery.Applicable a -> judge(a.policyDomain(), a.record());
            };
        }

        /** Sections 5.3.3 to 5.3.6. */
        private DmarcVerdict judge(String policyDomain, DmarcRecord record) {
            IdentifierAlignment.Outcome spf = spfAlignment(record.aspf());
            IdentifierAlignment.Outcome dkim = dkimAlignment(record.adkim());
            boolean spfAligned = spf == IdentifierAlignment.Outcome.ALIGNED;
            boolean dkimAligned = dkim == IdentifierAlignment.Outcome.ALIGNED;
            // Section 5.3.5: one aligned Authenticated Identifier is a pass.
            if (spfAligned || dkimAligned) {
                return verdict(DmarcResult.PASS, policyDomain, DmarcPolicy.NONE, spfAligned, dkimAligned,
                        "aligned " + (dkimAligned ? "dkim" : "spf") + " with " + author);
            }
            // Section 5.3.6: a query needed for the decision did not complete, so the message
            // neither passes nor fails.
            if (spf == IdentifierAlignment.Outcome.UNKNOWN || dkim == IdentifierAlignment.Outcome.UNKNOWN) {
                return verdict(DmarcResult.TEMPERROR, policyDomain, DmarcPolicy.NONE, false, false,
                        "DNS temporary error while comparing organizational domains");
            }
            return failure(policyDomain, record);
        }

        /** Section 4.10.1: which of p, sp and np applies, then t=y (section 4.7). */
        private DmarcVerdict failure(String policyDomain, DmarcRecord record) {
            DmarcPolicy published;
            String which;
            if (policyDomain.equals(author)) {
                // "If the DMARC Policy Record to be applied is that of the Author Domain, then the
                // Domain Owner Assessment Policy is taken from the p tag of the record."
                published = record.policyForOwnDomain();
                which = "p";
            } else {
                switch (DomainExistence.of(author, resolver)) {
                    case DomainExistence.Existence.Unknown u -> {
                        return verdict(DmarcResult.TEMPERROR, policyDomain, DmarcPolicy.NONE, false, false,
                                "DNS temporary error checking that the author domain exists: " + u.reason());
                    }
                    case DomainExistence.Existence.Exists e -> {
                        published = record.policyForSubdomain();
                        which = record.sp().isPresent() ? "sp" : "p (no sp)";
                    }
                    case DomainExistence.Existence.DoesNotExist d -> {
                        published = record.policyForNonExistentSubdomain();
                        which = record.np().isPresent() ? "np"
                                : record.sp().isPresent() ? "sp (no np)" : "p (no np, sp)";
                    }
                }
            }
            DmarcPolicy applied = record.testing() ? published.oneLevelBelow() : published;
            String reason = "no aligned identifier for " + author + "; " + which + "="
                    + published.name().toLowerCase(Locale.ROOT) + " from _dmarc." + policyDomain
                    + (record.testing() ? " (t=y: applied one level below)" : "")
                    + (record.use() == DmarcRecord.Use.AS_P_NONE ? " (invalid policy tag: read as p=none)" : "");
            return verdict(DmarcResult.FAIL, policyDomain, applied, false, false, reason);
        }

        private IdentifierAlignment.Outcome spfAlignment(AlignmentMode mode) {
            // Only an SPF pass yields an SPF-Authenticated Identifier (section 4.4.2).
            return input.spf().filter(SpfIdentity::passed)
                    .map(s -> alignment.check(author, s.domain(), mode))
                    .orElse(IdentifierAlignment.Outcome.NOT_ALIGNED);
        }

        /**
         * Any aligned passing signature is enough (section 4.4.1). Identical domains are found
         * first, at no DNS cost, however many signatures there are; only then are up to
         * {@link #MAX_DKIM_DOMAINS} other domains compared by Organizational Domain.
         */
        private IdentifierAlignment.Outcome dkimAlignment(AlignmentMode mode) {
            Set<String> domains = new LinkedHashSet<>();
            for (DkimIdentity identity : input.dkim()) {
                if (identity.passed()) {
                    Optional<String> domain = DomainName.normalise(identity.domain());
                    if (domain.isPresent() && domain.get().equals(author)) {
                        return IdentifierAlignment.Outcome.ALIGNED;
                    }
                    domain.filter(d -> domains.size() < MAX_DKIM_DOMAINS).ifPresent(domains::add);
                }
            }
            IdentifierAlignment.Outcome outcome = IdentifierAlignment.Outcome.NOT_ALIGNED;
            for (String domain : domains) {
                switch (alignment.check(author, domain, mode)) {
                    case ALIGNED -> {
                        return IdentifierAlignment.Outcome.ALIGNED;
                    }
                    case UNKNOWN -> outcome = IdentifierAlignment.Outcome.UNKNOWN;
                    case NOT_ALIGNED -> {
                        // Try the next signature.
                    }
                }
            }
            return outcome;
        }

        private DmarcVerdict verdict(DmarcResult result, String policyDomain, DmarcPolicy applied,
                boolean spfAligned, boolean dkimAligned, String reason) {
            String organization = switch (discovery.organizationOf(author)) {
                case PolicyDiscovery.Organization.Known k -> k.domain();
                case PolicyDiscovery.Organization.Unknown u -> "";
            };
            return new DmarcVerdict(result, author, policyDomain, organization, applied,
                    spfAligned, dkimAligned, reason);
        }
    }
}
