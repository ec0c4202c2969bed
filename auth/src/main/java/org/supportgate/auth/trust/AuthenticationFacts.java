package org.supportgate.auth.trust;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.supportgate.auth.dmarc.DmarcResult;

/**
 * What authentication established for the message, copied from the gateway's results.
 *
 * @param dmarc the DMARC result
 * @param dmarcAuthorDomain the Author Domain that DMARC evaluated (A-labels); a pass counts only
 *     when this is the From domain, so facts from another header can never lend their pass
 * @param organizationalDomain the From domain's Organizational Domain as DMARC found it, "" when
 *     unknown: used to tell the From domain's own addresses and signatures from others
 * @param spfAligned DMARC found an aligned SPF pass
 * @param dkimAligned DMARC found an aligned DKIM pass
 * @param trustedArcDmarcPass the chain validated and the newest ARC set sealed by a sealer we
 *     trust says {@code dmarc=pass} for this From domain
 * @param arcSealer d= of that sealer, for evidence ("" when none)
 * @param dkimPasses every DKIM signature that passed
 * @param smime the S/MIME verdict
 */
public record AuthenticationFacts(
        DmarcResult dmarc,
        String dmarcAuthorDomain,
        String organizationalDomain,
        boolean spfAligned,
        boolean dkimAligned,
        boolean trustedArcDmarcPass,
        String arcSealer,
        List<DkimPass> dkimPasses,
        SmimeFacts smime) {

    public AuthenticationFacts {
        Objects.requireNonNull(dmarc, "dmarc");
        dmarcAuthorDomain = lower(dmarcAuthorDomain);
        organizationalDomain = lower(organizationalDomain);
        arcSealer = arcSealer == null ? "" : arcSealer;
        dkimPasses = List.copyOf(dkimPasses);
        Objects.requireNonNull(smime, "smime");
    }

    /**
     * One DKIM signature that verified.
     *
     * @param domain d=
     * @param selector s=
     * @param bodyPartlyCovered l= was given and the body goes on past the signed length
     */
    public record DkimPass(String domain, String selector, boolean bodyPartlyCovered) {
        public DkimPass {
            domain = lower(domain);
            selector = lower(selector);
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
