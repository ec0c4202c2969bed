package org.supportgate.gateway.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.supportgate.auth.dmarc.DmarcPolicy;
import org.supportgate.auth.dmarc.DmarcResult;
import org.supportgate.auth.dmarc.DmarcVerdict;
import org.supportgate.auth.policy.AssurancePolicy;
import org.supportgate.auth.policy.Category;
import org.supportgate.auth.policy.RequestCategories;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.auth.trust.IdentityRoute;
import org.supportgate.auth.trust.TrustAssessment;
import org.supportgate.auth.trust.TrustSignal;
import org.supportgate.ticketing.quarantine.NoticeAudience;

/**
 * What to do with an authenticated, classified message: a pure function of the facts. A sensitive
 * request below the assurance its categories need is held in quarantine; so is mail that fails
 * DMARC where the domain asks for reject or quarantine, unless a trusted ARC sealer vouches for a
 * DMARC pass before forwarding. Everything else opens or joins a ticket.
 */
sealed interface Decision {

    /** Open or join a ticket at this assurance. */
    record OpenTicket(Assurance assurance) implements Decision {}

    /**
     * Hold for staff review.
     *
     * @param noticeTo who is told the request was not acted on: only addresses we can trust
     */
    record Hold(boolean sensitive, Assurance assurance, Assurance required, List<String> reasons, NoticeAudience noticeTo)
            implements Decision {}

    /**
     * @param provenContact the From address is an active directory contact and its identity is
     *     proven: the only sender a notice may go to. Anyone else who claims a partner's domain has
     *     the notice sent to that partner's admins; a stranger, even one who authenticates for a
     *     domain of their own (a lookalike), hears nothing.
     */
    static Decision decide(RequestCategories categories, TrustAssessment trust, AssurancePolicy policy,
            DmarcVerdict dmarc, String fromAddress, boolean provenContact, Optional<String> claimedPartner) {
        boolean sensitive = !categories.isNone();
        Assurance assurance = trust.assuranceFor(sensitive);
        NoticeAudience noticeTo = provenContact && trust.identity().isPresent() ? new NoticeAudience.Sender(fromAddress)
                : claimedPartner.<NoticeAudience>map(NoticeAudience.PartnerAdmins::new).orElseGet(NoticeAudience.Nobody::new);
        if (sensitive) {
            Assurance required = policy.required(categories.categories());
            if (assurance.meets(required)) {
                return new OpenTicket(assurance);
            }
            List<String> reasons = new ArrayList<>();
            for (Category category : categories.categories()) {
                if (!assurance.meets(policy.required(category))) {
                    reasons.add(category.id() + " needs " + policy.required(category).id() + ", the request reached " + assurance.id());
                }
            }
            trust.signals().stream().map(TrustSignal::detail).forEach(reasons::add);
            return new Hold(true, assurance, required, reasons, noticeTo);
        }
        // A trusted ARC sealer's DMARC pass is the local policy override RFC 7489 section 6.7 and
        // RFC 8617 section 7.2 allow for forwarded mail: forwarding broke SPF and perhaps DKIM, and
        // the sealer we chose to believe saw the message pass before it did. Without it, forwarded
        // mail from every p=reject partner would be held however well it was vouched for.
        boolean forwardedWithTrustedArc = trust.identity().map(i -> i.provedBy(IdentityRoute.TRUSTED_ARC)).orElse(false);
        if (dmarc.result() == DmarcResult.FAIL && !forwardedWithTrustedArc
                && (dmarc.appliedPolicy() == DmarcPolicy.REJECT || dmarc.appliedPolicy() == DmarcPolicy.QUARANTINE)) {
            return new Hold(false, assurance, assurance, List.of("failed authentication: " + dmarc.reason()), noticeTo);
        }
        return new OpenTicket(assurance);
    }
}
