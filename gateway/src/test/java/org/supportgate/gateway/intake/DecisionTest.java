package org.supportgate.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.dmarc.DmarcPolicy;
import org.supportgate.auth.dmarc.DmarcResult;
import org.supportgate.auth.dmarc.DmarcVerdict;
import org.supportgate.auth.policy.AssurancePolicy;
import org.supportgate.auth.policy.Category;
import org.supportgate.auth.policy.Evidence;
import org.supportgate.auth.policy.RequestCategories;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.auth.trust.IdentityRoute;
import org.supportgate.auth.trust.SignalKind;
import org.supportgate.auth.trust.TrustAssessment;
import org.supportgate.auth.trust.TrustSignal;
import org.supportgate.auth.trust.VerifiedIdentity;
import org.supportgate.ticketing.quarantine.NoticeAudience;

class DecisionTest {

    private static final AssurancePolicy POLICY = AssurancePolicy.defaults();
    private static final DmarcVerdict PASS = new DmarcVerdict(DmarcResult.PASS, "acme.example", "acme.example",
            "acme.example", DmarcPolicy.NONE, false, true, "aligned dkim");
    private static final DmarcVerdict REJECTED = new DmarcVerdict(DmarcResult.FAIL, "acme.example", "acme.example",
            "acme.example", DmarcPolicy.REJECT, false, false, "no aligned pass");

    @Test
    void opensTicketForAQuestionFromAnEmailLevelContact() {
        Decision decision = Decision.decide(RequestCategories.none(), email(), POLICY, PASS, "alice@acme.example", true, Optional.of("acme"));
        assertThat(decision).isEqualTo(new Decision.OpenTicket(Assurance.EMAIL));
    }

    @Test
    void holdsRoutingChangeBelowSupportCodeAndTellsTheAuthenticatedSender() {
        Decision decision = Decision.decide(categories(Category.MAIL_ROUTING), email(), POLICY, PASS, "alice@acme.example", true, Optional.of("acme"));
        assertThat(decision).isInstanceOfSatisfying(Decision.Hold.class, hold -> {
            assertThat(hold.sensitive()).isTrue();
            assertThat(hold.required()).isEqualTo(Assurance.SUPPORT_CODE);
            assertThat(hold.reasons()).contains("mail_routing needs support_code, the request reached email");
            assertThat(hold.noticeTo()).isEqualTo(new NoticeAudience.Sender("alice@acme.example"));
        });
    }

    @Test
    void holdsForgedMailFromAPartnerDomainWithRejectPolicyAndTellsThePartnersAdmins() {
        Decision decision = Decision.decide(RequestCategories.none(), unproven(), POLICY, REJECTED, "alice@acme.example", false, Optional.of("acme"));
        assertThat(decision).isInstanceOfSatisfying(Decision.Hold.class, hold -> {
            assertThat(hold.sensitive()).isFalse();
            assertThat(hold.reasons()).singleElement().satisfies(r -> assertThat(r).startsWith("failed authentication"));
            assertThat(hold.noticeTo()).isEqualTo(new NoticeAudience.PartnerAdmins("acme"));
        });
    }

    @Test
    void opensTicketForForwardedMailThatATrustedArcSealerSawPassDmarc() {
        TrustAssessment viaArc = new TrustAssessment(Optional.of(new VerifiedIdentity("alice@acme.example",
                List.of(IdentityRoute.TRUSTED_ARC))), Assurance.EMAIL, List.of(), false, "trusted ARC");
        assertThat(Decision.decide(RequestCategories.none(), viaArc, POLICY, REJECTED, "alice@acme.example", true, Optional.of("acme")))
                .isEqualTo(new Decision.OpenTicket(Assurance.EMAIL));
    }

    @Test
    void stillHoldsFailedDmarcWhenOnlyAPinnedSignatureProvedTheSender() {
        // The override is ARC's alone: S/MIME says nothing about the path DMARC judged.
        TrustAssessment pinnedOnly = new TrustAssessment(Optional.of(new VerifiedIdentity("alice@acme.example",
                List.of(IdentityRoute.SMIME_PINNED))), Assurance.EMAIL, List.of(), false, "pinned");
        assertThat(Decision.decide(RequestCategories.none(), pinnedOnly, POLICY, REJECTED, "alice@acme.example", true, Optional.of("acme")))
                .isInstanceOf(Decision.Hold.class);
    }

    @Test
    void tellsNobodyWhenAnUnknownUnauthenticatedSenderAsksForSomethingSensitive() {
        Decision decision = Decision.decide(categories(Category.SENDER_LISTS), unproven(), POLICY, REJECTED,
                "someone@stranger.example", false, Optional.empty());
        assertThat(decision).isInstanceOfSatisfying(Decision.Hold.class,
                hold -> assertThat(hold.noticeTo()).isEqualTo(new NoticeAudience.Nobody()));
    }

    @Test
    void tellsNobodyWhenAStrangerAuthenticatesForALookalikeDomain() {
        Decision decision = Decision.decide(categories(Category.ACCOUNT_ACCESS), email(), POLICY, PASS, "bob@partmer.example",
                false, Optional.empty());
        assertThat(decision).isInstanceOfSatisfying(Decision.Hold.class,
                hold -> assertThat(hold.noticeTo()).isEqualTo(new NoticeAudience.Nobody()));
    }

    @Test
    void capsAHijackSuspectAtNoneForSensitiveRequestsButServesQuestions() {
        TrustAssessment hijacked = new TrustAssessment(Optional.of(new VerifiedIdentity("alice@acme.example",
                List.of(IdentityRoute.DMARC_ALIGNED))), Assurance.EMAIL,
                List.of(new TrustSignal(SignalKind.REPLY_TO_OTHER_DOMAIN, "Reply-To on evil.example")), true, "signals");
        assertThat(Decision.decide(RequestCategories.none(), hijacked, POLICY, PASS, "alice@acme.example", true, Optional.of("acme")))
                .isInstanceOf(Decision.OpenTicket.class);
        assertThat(Decision.decide(categories(Category.MAIL_REPORTS), hijacked, POLICY, PASS, "alice@acme.example", true, Optional.of("acme"))).isInstanceOfSatisfying(Decision.Hold.class, hold -> {
                    assertThat(hold.assurance()).isEqualTo(Assurance.NONE);
                    assertThat(hold.reasons()).contains("Reply-To on evil.example");
                });
    }

    @Test
    void opensTicketWhenTheAssuranceMeetsTheCategory() {
        TrustAssessment signed = new TrustAssessment(Optional.of(new VerifiedIdentity("alice@acme.example",
                List.of(IdentityRoute.DMARC_ALIGNED, IdentityRoute.SMIME_PINNED))), Assurance.SIGNED, List.of(), false, "signed");
        assertThat(Decision.decide(categories(Category.SENDER_LISTS), signed, POLICY, PASS, "alice@acme.example", true, Optional.of("acme"))).isEqualTo(new Decision.OpenTicket(Assurance.SIGNED));
    }

    private static TrustAssessment email() {
        return new TrustAssessment(Optional.of(new VerifiedIdentity("alice@acme.example", List.of(IdentityRoute.DMARC_ALIGNED))),
                Assurance.EMAIL, List.of(), false, "dmarc aligned contact");
    }

    private static TrustAssessment unproven() {
        return new TrustAssessment(Optional.empty(), Assurance.NONE, List.of(), false, "not proven");
    }

    private static RequestCategories categories(Category category) {
        return new RequestCategories(Set.of(category), List.of(new Evidence(category, "test", "excerpt")));
    }
}
