package org.supportgate.auth.trust;

import com.ibm.icu.text.IDNA;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.supportgate.auth.dmarc.DmarcResult;

/**
 * Decides who sent a message and how far to trust it: a pure function of {@link TrustFacts}.
 *
 * <p>Steps, in order: prove the From address (DMARC aligned, trusted ARC, pinned S/MIME; never
 * From alone), look for hijack and spoofing signals, then grade: no proof, no contact or a
 * disabled contact is {@link Assurance#NONE}; a proven, active contact is {@link Assurance#EMAIL};
 * proof by DMARC or trusted ARC and also by the pinned certificate is {@link Assurance#SIGNED}.
 */
public final class SenderTrust {

    private static final IDNA IDNA_UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII);
    private static final int MAX_SEEN_IN_DETAIL = 3;

    private SenderTrust() {}

    public static TrustAssessment evaluate(TrustFacts facts) {
        List<TrustSignal> signals = new ArrayList<>();
        boolean lengthLimitedOnly = dmarcPassOnlyThroughLengthLimitedDkim(facts);
        if (lengthLimitedOnly) {
            signals.add(new TrustSignal(SignalKind.LENGTH_LIMITED_DKIM_ONLY, "DMARC passed for "
                    + facts.from().domain() + " only through DKIM signatures with l= that leave part of the body unsigned ("
                    + signatureList(alignedCandidates(facts)) + "); SPF was not aligned"));
        }
        Optional<VerifiedIdentity> identity = identity(facts, lengthLimitedOnly);

        checkOtherDomain(facts, "Reply-To", facts.replyToAddresses(), SignalKind.REPLY_TO_OTHER_DOMAIN, signals);
        if (!facts.senderAddress().isEmpty()) {
            checkOtherDomain(facts, "Sender", List.of(facts.senderAddress()), SignalKind.SENDER_OTHER_DOMAIN, signals);
        }
        checkLookalike(facts, signals);
        checkDisplayName(facts, signals);
        facts.contact().ifPresent(contact -> {
            if (!contact.active()) {
                signals.add(new TrustSignal(SignalKind.DISABLED_CONTACT, "contact " + contact.email()
                        + " of partner " + contact.partnerId() + " is disabled"));
            }
            checkInfrastructure(facts, contact, signals);
            checkBurst(facts, contact, signals);
            checkSmimeSigner(facts, contact, signals);
        });

        Grade grade = grade(facts, identity);
        return new TrustAssessment(identity, grade.level(), signals, !signals.isEmpty(), grade.reason());
    }

    private record Grade(Assurance level, String reason) {}

    private static Grade grade(TrustFacts facts, Optional<VerifiedIdentity> identity) {
        String address = facts.from().address();
        if (identity.isEmpty()) {
            return new Grade(Assurance.NONE, "From " + EvidenceText.of(address) + " is not proven: "
                    + dmarcSummary(facts) + ", no DMARC pass from a trusted ARC sealer, no S/MIME signature"
                    + " by a pinned certificate");
        }
        if (facts.contact().isEmpty()) {
            return new Grade(Assurance.NONE, "From " + EvidenceText.of(address) + " is proven but is no registered contact");
        }
        KnownContact contact = facts.contact().get();
        if (!contact.active()) {
            return new Grade(Assurance.NONE, "contact " + contact.email() + " is disabled");
        }
        VerifiedIdentity proven = identity.get();
        String proof = "active contact " + contact.email() + " proven by " + proven.routes()
                + (proven.provedBy(IdentityRoute.TRUSTED_ARC) ? " (ARC sealer " + EvidenceText.of(facts.auth().arcSealer()) + ")" : "");
        // SIGNED takes two independent proofs: the domain vouches for the path (DMARC or a
        // trusted sealer) and the contact's own key for the content. A pinned signature alone
        // proves the identity, but a captured signed message could be replayed from anywhere.
        boolean domainProof = proven.provedBy(IdentityRoute.DMARC_ALIGNED) || proven.provedBy(IdentityRoute.TRUSTED_ARC);
        if (domainProof && proven.provedBy(IdentityRoute.SMIME_PINNED)) {
            return new Grade(Assurance.SIGNED, proof);
        }
        return new Grade(Assurance.EMAIL, proof);
    }

    private static String dmarcSummary(TrustFacts facts) {
        AuthenticationFacts auth = facts.auth();
        String result = "DMARC " + auth.dmarc().name().toLowerCase(Locale.ROOT);
        if (auth.dmarc() != DmarcResult.PASS) {
            return result;
        }
        if (!auth.dmarcAuthorDomain().equals(facts.from().domain())) {
            return result + " for " + EvidenceText.of(auth.dmarcAuthorDomain()) + ", not the From domain";
        }
        if (!auth.spfAligned() && !auth.dkimAligned()) {
            return result + " without an aligned identifier";
        }
        return result + " only through l=-limited DKIM";
    }

    private static Optional<VerifiedIdentity> identity(TrustFacts facts, boolean lengthLimitedOnly) {
        AuthenticationFacts auth = facts.auth();
        List<IdentityRoute> routes = new ArrayList<>();
        boolean dmarcPass = auth.dmarc() == DmarcResult.PASS
                && (auth.spfAligned() || auth.dkimAligned())
                && auth.dmarcAuthorDomain().equals(facts.from().domain());
        if (dmarcPass && !lengthLimitedOnly) {
            routes.add(IdentityRoute.DMARC_ALIGNED);
        }
        if (auth.trustedArcDmarcPass()) {
            routes.add(IdentityRoute.TRUSTED_ARC);
        }
        // The pin belongs to the contact, so without a contact holding one there is nothing the
        // signature could have been checked against.
        boolean pinned = auth.smime().status() == SmimeFacts.Status.VALID_PINNED
                && facts.contact().map(KnownContact::pinnedCertificate).orElse(false);
        if (pinned) {
            routes.add(IdentityRoute.SMIME_PINNED);
        }
        return routes.isEmpty() ? Optional.empty() : Optional.of(new VerifiedIdentity(facts.from().address(), routes));
    }

    /**
     * True when DMARC passed, SPF did not align, and every DKIM signature that could have carried
     * the pass covers only part of the body: whatever follows the signed length could be anyone's.
     */
    private static boolean dmarcPassOnlyThroughLengthLimitedDkim(TrustFacts facts) {
        AuthenticationFacts auth = facts.auth();
        if (auth.dmarc() != DmarcResult.PASS || auth.spfAligned()) {
            return false;
        }
        List<AuthenticationFacts.DkimPass> candidates = alignedCandidates(facts);
        return !candidates.isEmpty() && candidates.stream().allMatch(AuthenticationFacts.DkimPass::bodyPartlyCovered);
    }

    /**
     * The passing signatures whose d= relaxed-aligns with the From domain; all passing signatures
     * when none seems to (the Organizational Domain was not known), so doubt never clears l=.
     */
    private static List<AuthenticationFacts.DkimPass> alignedCandidates(TrustFacts facts) {
        List<AuthenticationFacts.DkimPass> aligned = facts.auth().dkimPasses().stream()
                .filter(pass -> sameOrganisation(facts, pass.domain()))
                .toList();
        return aligned.isEmpty() ? facts.auth().dkimPasses() : aligned;
    }

    private static String signatureList(List<AuthenticationFacts.DkimPass> passes) {
        return String.join(", ", passes.stream().map(p -> "d=" + p.domain() + " s=" + p.selector()).toList());
    }

    private static void checkOtherDomain(TrustFacts facts, String field, List<String> addresses, SignalKind kind,
            List<TrustSignal> signals) {
        int max = facts.policy().maxAddresses();
        for (String address : addresses.subList(0, Math.min(addresses.size(), max))) {
            int at = address.lastIndexOf('@');
            if (at >= 0 && sameOrganisation(facts, address.substring(at + 1).toLowerCase(Locale.ROOT))) {
                // As written, the way the From domain reached us: an address on the very same
                // (even undecodable) domain is no other domain.
                continue;
            }
            Optional<String> domain = domainOf(address);
            if (domain.isEmpty()) {
                signals.add(new TrustSignal(kind, field + " address " + EvidenceText.of(address)
                        + " has no usable domain; From domain is " + facts.from().domain()));
            } else if (!sameOrganisation(facts, domain.get())) {
                signals.add(new TrustSignal(kind, field + " domain " + EvidenceText.of(domain.get())
                        + " differs from From domain " + facts.from().domain()));
            }
        }
        if (addresses.size() > max) {
            signals.add(new TrustSignal(SignalKind.CHECK_INCOMPLETE, field + " has " + addresses.size()
                    + " addresses; only the first " + max + " were compared with the From domain"));
        }
    }

    /** True for the From domain and names in its Organizational Domain (when DMARC found one). */
    private static boolean sameOrganisation(TrustFacts facts, String domain) {
        String fromDomain = facts.from().domain();
        if (domain.equals(fromDomain)) {
            return true;
        }
        String organisation = facts.auth().organizationalDomain();
        // A one-label "organisation" would be a top-level domain: never treat it as one owner.
        boolean usable = organisation.contains(".")
                && (fromDomain.equals(organisation) || fromDomain.endsWith("." + organisation));
        return usable && (domain.equals(organisation) || domain.endsWith("." + organisation));
    }

    private static Optional<String> domainOf(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1 || address.length() > 320) {
            return Optional.empty();
        }
        String written = address.substring(at + 1).toLowerCase(Locale.ROOT);
        IDNA.Info info = new IDNA.Info();
        StringBuilder ascii = new StringBuilder();
        IDNA_UTS46.nameToASCII(written, ascii, info);
        if (info.hasErrors() || ascii.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ascii.toString().toLowerCase(Locale.ROOT));
    }

    private static void checkLookalike(TrustFacts facts, List<TrustSignal> signals) {
        LookalikeDomains.Findings findings = LookalikeDomains.find(
                facts.from().domain(), facts.partnerDomains(), facts.policy());
        DomainForm from = findings.from();
        String shown = !from.international() ? from.ascii()
                : !from.decodable() ? from.ascii() + " (not valid IDNA)"
                : from.ascii() + " (" + from.unicode() + (from.scripts().isEmpty() ? "" : ", scripts " + from.scripts()) + ")";
        for (LookalikeDomains.Lookalike lookalike : findings.lookalikes()) {
            signals.add(new TrustSignal(SignalKind.LOOKALIKE_DOMAIN, "From domain " + EvidenceText.of(shown)
                    + " looks like partner domain " + lookalike.partner().domain() + " of partner "
                    + lookalike.partner().partnerId() + " (" + lookalike.technique().description + ")"));
        }
        if (findings.incomplete()) {
            signals.add(new TrustSignal(SignalKind.CHECK_INCOMPLETE, "From domain " + EvidenceText.of(from.ascii())
                    + " was compared with " + findings.compared() + " of " + findings.total()
                    + " partner domains; a lookalike of the others cannot be ruled out"));
        }
    }

    private static void checkDisplayName(TrustFacts facts, List<TrustSignal> signals) {
        NameImpersonation.Findings findings = NameImpersonation.find(facts.from(), facts.contactNames(), facts.policy());
        for (NameImpersonation.Match match : findings.matches()) {
            String what = match.addressInName() ? "shows known contact address " + match.knownAddress()
                    : "is the name of known contact " + match.knownAddress();
            signals.add(new TrustSignal(SignalKind.KNOWN_NAME_ON_OTHER_ADDRESS, "display name \""
                    + EvidenceText.of(match.shownName()) + "\" " + what + ", but From is "
                    + EvidenceText.of(facts.from().address())));
        }
        if (findings.incomplete()) {
            signals.add(new TrustSignal(SignalKind.CHECK_INCOMPLETE, "display name was compared with "
                    + findings.compared() + " of " + findings.total() + " known contact names"));
        }
    }

    /**
     * A contact's first message is a signal too: with no history, mail from a freshly phished
     * mailbox or a new relay looks exactly like it, and a sensitive change is the worst time to
     * learn which. Non-sensitive requests are unaffected; the cost is one review or support code.
     */
    private static void checkInfrastructure(TrustFacts facts, KnownContact contact, List<TrustSignal> signals) {
        SourceNetwork network = SourceNetwork.of(facts.clientIp());
        Set<SendingHistory.DkimKey> keys = new HashSet<>();
        for (AuthenticationFacts.DkimPass pass : facts.auth().dkimPasses()) {
            keys.add(new SendingHistory.DkimKey(pass.domain(), pass.selector()));
        }
        SendingHistory history = facts.history();
        if (history.isEmpty()) {
            signals.add(new TrustSignal(SignalKind.UNSEEN_INFRASTRUCTURE, "first message from contact "
                    + contact.email() + ": no sending history to compare source network " + network + " with"));
            return;
        }
        List<String> unseen = new ArrayList<>();
        if (!new HashSet<>(history.networks()).contains(network)) {
            unseen.add("source network " + network + " never seen for " + contact.email()
                    + " (seen: " + sample(history.networks()) + ")");
        }
        Set<SendingHistory.DkimKey> knownKeys = new HashSet<>(history.dkimKeys());
        boolean bothUnsigned = keys.isEmpty() && knownKeys.isEmpty();
        if (!bothUnsigned && keys.stream().noneMatch(knownKeys::contains)) {
            unseen.add((keys.isEmpty() ? "no passing DKIM signature" : "DKIM key " + sample(List.copyOf(keys)))
                    + " never seen for " + contact.email() + " (seen: " + sample(history.dkimKeys()) + ")");
        }
        if (!unseen.isEmpty()) {
            signals.add(new TrustSignal(SignalKind.UNSEEN_INFRASTRUCTURE, String.join("; ", unseen)));
        }
    }

    private static String sample(List<?> seen) {
        if (seen.isEmpty()) {
            return "none";
        }
        List<String> shown = seen.stream().limit(MAX_SEEN_IN_DETAIL).map(Object::toString).sorted().toList();
        return String.join(", ", shown) + (seen.size() > MAX_SEEN_IN_DETAIL ? ", ..." : "");
    }

    /**
     * The counts exclude this message, so reaching the limit already means this one would pass it.
     */
    private static void checkBurst(TrustFacts facts, KnownContact contact, List<TrustSignal> signals) {
        RecentActivity recent = facts.recent();
        long minutes = recent.window().toMinutes();
        if (recent.sensitiveFromContact() >= facts.policy().contactBurstLimit()) {
            signals.add(new TrustSignal(SignalKind.SENSITIVE_REQUEST_BURST, recent.sensitiveFromContact()
                    + " sensitive requests from " + contact.email() + " in the last " + minutes
                    + " minutes (limit " + facts.policy().contactBurstLimit() + ")"));
        }
        if (recent.sensitiveFromPartner() >= facts.policy().partnerBurstLimit()) {
            signals.add(new TrustSignal(SignalKind.SENSITIVE_REQUEST_BURST, recent.sensitiveFromPartner()
                    + " sensitive requests from partner " + contact.partnerId() + " in the last " + minutes
                    + " minutes (limit " + facts.policy().partnerBurstLimit() + ")"));
        }
    }

    /**
     * Control of a mailbox is enough to obtain a fresh S/MIME certificate for it, so a valid
     * signature by anything but the pinned certificate is evidence against the sender.
     */
    private static void checkSmimeSigner(TrustFacts facts, KnownContact contact, List<TrustSignal> signals) {
        SmimeFacts smime = facts.auth().smime();
        if (contact.pinnedCertificate() && smime.status() == SmimeFacts.Status.VALID_NOT_PINNED) {
            signals.add(new TrustSignal(SignalKind.UNPINNED_SMIME_SIGNER, "S/MIME signature by "
                    + EvidenceText.of(smime.signerSubject()) + " (SHA-256 " + EvidenceText.of(smime.signerFingerprint())
                    + ") is valid but not the certificate pinned for " + contact.email()));
        }
    }
}
