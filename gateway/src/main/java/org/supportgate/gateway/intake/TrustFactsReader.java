package org.supportgate.gateway.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.supportgate.auth.AuthenticationReport;
import org.supportgate.auth.MessageAuthenticator;
import org.supportgate.auth.SessionFacts;
import org.supportgate.auth.dkim.DkimSignatureResult;
import org.supportgate.auth.smime.PinnedCertificate;
import org.supportgate.auth.smime.SmimeResult;
import org.supportgate.auth.smime.SmimeVerifier;
import org.supportgate.auth.trust.AuthenticationFacts;
import org.supportgate.auth.trust.FromIdentity;
import org.supportgate.auth.trust.KnownContact;
import org.supportgate.auth.trust.KnownContactName;
import org.supportgate.auth.trust.KnownPartnerDomain;
import org.supportgate.auth.trust.RecentActivity;
import org.supportgate.auth.trust.SendingHistory;
import org.supportgate.auth.trust.SmimeFacts;
import org.supportgate.auth.trust.SourceNetwork;
import org.supportgate.auth.trust.TrustFacts;
import org.supportgate.auth.trust.TrustPolicy;
import org.supportgate.ticketing.partner.Contact;
import org.supportgate.ticketing.partner.ContactHistory;
import org.supportgate.ticketing.partner.PartnerDirectory;
import org.supportgate.ticketing.partner.SensitiveActivity;

/**
 * Gathers the facts the trust decision needs: the directory (contact, partner domains, contact
 * names), the contact's sending history, the authentication results and the S/MIME signature
 * checked against the contact's pinned certificate. Reads only; {@link #remember} writes the
 * history after a proven message.
 */
@Component
class TrustFactsReader {

    static final String IP_NETWORK = "ip_network";
    private static final TrustPolicy POLICY = TrustPolicy.defaults();
    private static final java.time.Duration BURST_WINDOW = java.time.Duration.ofHours(1);
    static final String DKIM_SIGNER = "dkim_signer";

    private final PartnerDirectory directory;
    private final ContactHistory history;
    private final MessageAuthenticator authenticator;
    private final SensitiveActivity activity;
    private final SmimeVerifier smime = new SmimeVerifier();

    TrustFactsReader(PartnerDirectory directory, ContactHistory history, SensitiveActivity activity,
            MessageAuthenticator authenticator) {
        this.directory = directory;
        this.history = history;
        this.activity = activity;
        this.authenticator = authenticator;
    }

    TrustFacts read(MessageSummary summary, FromIdentity from, SessionFacts session, AuthenticationReport authentication,
            byte[] raw) {
        Optional<Contact> contact = from.address().isEmpty() ? Optional.empty() : directory.contact(from.address());
        return new TrustFacts(
                from,
                Addresses.all(summary.replyTo()),
                Addresses.all(summary.sender()).stream().findFirst().orElse(""),
                authenticationFacts(from, authentication, smime(raw, contact)),
                contact.map(c -> new KnownContact(c.email(), c.displayName(), c.partnerId(), c.active(), c.role().id(),
                        c.smimeCertificate() != null)),
                directory.domains().stream().map(d -> new KnownPartnerDomain(d.domain(), d.partnerId())).toList(),
                directory.contacts().stream().filter(c -> !c.displayName().isBlank())
                        .map(c -> new KnownContactName(c.displayName(), c.email())).toList(),
                contact.map(c -> sendingHistory(c.email())).orElse(SendingHistory.empty()),
                session.clientIp(),
                contact.map(this::recentActivity).orElse(RecentActivity.none()),
                POLICY);
    }

    /** Adds this message's network and DKIM signers to a proven contact's history. */
    void remember(String email, SessionFacts session, AuthenticationReport authentication) {
        SourceNetwork network = SourceNetwork.of(session.clientIp());
        history.record(email, IP_NETWORK, network.base().getHostAddress() + "/" + network.prefixLength());
        for (DkimSignatureResult signature : authentication.dkim()) {
            if (signature.countsForDmarc()) {
                history.record(email, DKIM_SIGNER, signature.domain().toLowerCase(Locale.ROOT) + ";" + signature.selector());
            }
        }
    }

    private AuthenticationFacts authenticationFacts(FromIdentity from, AuthenticationReport report, SmimeFacts smimeFacts) {
        List<AuthenticationFacts.DkimPass> passes = report.dkim().stream()
                .filter(DkimSignatureResult::countsForDmarc)
                .map(s -> new AuthenticationFacts.DkimPass(s.domain(), s.selector(), s.bodyPartlyCovered()))
                .toList();
        return new AuthenticationFacts(
                report.dmarc().result(),
                report.dmarc().fromDomain(),
                report.dmarc().organizationalDomain(),
                report.dmarc().spfAligned(),
                report.dmarc().dkimAligned(),
                trustedArcDmarcPass(from, report),
                report.arc().newestSealer(),
                passes,
                smimeFacts);
    }

    /** The newest trusted sealer vouches that DMARC passed for this From domain before forwarding. */
    private boolean trustedArcDmarcPass(FromIdentity from, AuthenticationReport report) {
        if (!authenticator.trustedArcSealer(report.arc()) || report.arc().arcAuthenticationResults().isEmpty()
                || from.domain().isEmpty()) {
            return false;
        }
        String newest = report.arc().arcAuthenticationResults().getLast().toLowerCase(Locale.ROOT);
        return newest.contains("dmarc=pass") && newest.contains("header.from=" + from.domain());
    }

    private SmimeFacts smime(byte[] raw, Optional<Contact> contact) {
        Optional<X509Certificate> pinned = contact.map(Contact::smimeCertificate).flatMap(TrustFactsReader::certificate);
        SmimeResult result = smime.verify(raw, pinned, Instant.now());
        SmimeFacts.Status status = switch (result.status()) {
            case NONE -> SmimeFacts.Status.UNSIGNED;
            case VALID_PINNED -> SmimeFacts.Status.VALID_PINNED;
            case VALID_NOT_PINNED -> SmimeFacts.Status.VALID_NOT_PINNED;
            case INVALID, EXPIRED, MALFORMED -> SmimeFacts.Status.INVALID;
        };
        return new SmimeFacts(status, result.signerEmail().orElse(""), result.signerFingerprintSha256().orElse(""));
    }

    private static Optional<X509Certificate> certificate(String pem) {
        try {
            return Optional.of(PinnedCertificate.fromPem(pem));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // validated at import; a broken pin only means no SIGNED level
        }
    }

    /** Sensitive requests from this contact and its partner in the last hour, for the burst signal. */
    private RecentActivity recentActivity(Contact contact) {
        SensitiveActivity.Counts counts = activity.since(contact.email(), contact.partnerId(), BURST_WINDOW);
        return new RecentActivity(counts.fromContact(), counts.fromPartner(), BURST_WINDOW);
    }

    private SendingHistory sendingHistory(String email) {
        List<SourceNetwork> networks = new ArrayList<>();
        List<SendingHistory.DkimKey> keys = new ArrayList<>();
        long messages = 0;
        for (ContactHistory.Entry entry : history.of(email)) {
            if (entry.kind().equals(IP_NETWORK)) {
                network(entry.value()).ifPresent(networks::add);
                messages = Math.max(messages, entry.messages());
            } else if (entry.kind().equals(DKIM_SIGNER)) {
                int semicolon = entry.value().indexOf(';');
                if (semicolon > 0) {
                    keys.add(new SendingHistory.DkimKey(entry.value().substring(0, semicolon), entry.value().substring(semicolon + 1)));
                }
            }
        }
        return new SendingHistory(messages, networks, keys);
    }

    private static Optional<SourceNetwork> network(String value) {
        int slash = value.indexOf('/');
        try {
            return Optional.of(new SourceNetwork(InetAddress.getByName(value.substring(0, slash)),
                    Integer.parseInt(value.substring(slash + 1))));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
