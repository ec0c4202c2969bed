package org.supportgate.auth.trust;

import java.util.List;
import java.util.Optional;

/**
 * What {@link SenderTrust} concluded about one message.
 *
 * @param identity the proven From address and how it was proven; empty when nothing proved it
 * @param assurance the level the authentication evidence supports, before hijack signals are
 *     applied: what a non-sensitive request gets
 * @param signals every hijack or spoofing signal raised, in the order the checks ran
 * @param hijackSuspected at least one signal was raised
 * @param reason one line saying why {@code assurance} is what it is, for evidence and logs
 */
public record TrustAssessment(
        Optional<VerifiedIdentity> identity,
        Assurance assurance,
        List<TrustSignal> signals,
        boolean hijackSuspected,
        String reason) {

    public TrustAssessment {
        signals = List.copyOf(signals);
        if (hijackSuspected != !signals.isEmpty()) {
            throw new IllegalArgumentException("hijackSuspected must say whether signals were raised");
        }
    }

    /**
     * The level for a request: a sensitive one gets {@link Assurance#NONE} while any hijack signal
     * stands, because a hijacked mailbox passes every authentication check.
     */
    public Assurance assuranceFor(boolean sensitive) {
        return sensitive && hijackSuspected ? Assurance.NONE : assurance;
    }

    /** True when a signal of this kind was raised. */
    public boolean raised(SignalKind kind) {
        return signals.stream().anyMatch(s -> s.kind() == kind);
    }
}
