package org.supportgate.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.supportgate.auth.arc.ArcChainValidation;
import org.supportgate.auth.arc.ArcResult;
import org.supportgate.auth.arc.ArcValidator;
import org.supportgate.auth.dkim.DkimLimits;
import org.supportgate.auth.dkim.DkimResult;
import org.supportgate.auth.dkim.DkimSignatureResult;
import org.supportgate.auth.dkim.DkimVerifier;
import org.supportgate.auth.dmarc.DkimIdentity;
import org.supportgate.auth.dmarc.DmarcEvaluator;
import org.supportgate.auth.dmarc.DmarcResult;
import org.supportgate.auth.dmarc.DmarcVerdict;
import org.supportgate.auth.dmarc.SpfIdentity;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.MessageParse;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.auth.results.AuthenticationResultsHeader;
import org.supportgate.auth.results.AuthenticationResultsStripper;
import org.supportgate.auth.results.MethodResult;
import org.supportgate.auth.results.Property;
import org.supportgate.auth.spf.SpfEvaluator;
import org.supportgate.auth.spf.SpfResult;
import org.supportgate.auth.spf.SpfVerdict;

/**
 * Authenticates one message, start to finish: removes the fields only we may write, then SPF
 * (MAIL FROM, or HELO for the null sender), every DKIM signature, the ARC chain and DMARC, and
 * renders the Authentication-Results field. Thread-safe; one instance serves the whole daemon.
 */
public final class MessageAuthenticator {

    private final String authservId;
    private final Set<String> trustedArcSealers;
    private final AuthenticationResultsStripper stripper;
    private final SpfEvaluator spf;
    private final DkimVerifier dkim;
    private final ArcValidator arc;
    private final DmarcEvaluator dmarc;

    public MessageAuthenticator(DnsResolver dns, Clock clock, String authservId, Set<String> trustedArcSealers) {
        this.authservId = authservId;
        this.trustedArcSealers = trustedArcSealers.stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.stripper = new AuthenticationResultsStripper(authservId);
        this.spf = SpfEvaluator.builder(dns).receiver(authservId).clock(clock).build();
        this.dkim = new DkimVerifier(dns, clock);
        this.arc = new ArcValidator(dns, clock, DkimLimits.DEFAULT);
        this.dmarc = new DmarcEvaluator(dns);
    }

    public String authservId() {
        return authservId;
    }

    /** True if the ARC chain passed and its newest sealer is one whose results we may believe. */
    public boolean trustedArcSealer(ArcResult result) {
        return result.cv() == ArcChainValidation.PASS
                && trustedArcSealers.contains(result.newestSealer().toLowerCase(Locale.ROOT));
    }

    public AuthenticationReport authenticate(SessionFacts session, byte[] raw) {
        AuthenticationResultsStripper.Stripped stripped = stripper.strip(raw);
        SpfVerdict spfVerdict = spf.checkMailFrom(session.clientIp(), session.mailFrom(), session.helo());
        List<DkimSignatureResult> signatures;
        ArcResult arcResult;
        List<String> fromValues;
        switch (RawMessage.parse(stripped.message())) {
            case MessageParse.Parsed parsed -> {
                RawMessage message = parsed.message();
                signatures = dkim.verify(message);
                arcResult = arc.validate(message);
                fromValues = message.headers("From").stream().map(HeaderField::value).toList();
            }
            case MessageParse.Rejected rejected -> {
                signatures = List.of();
                arcResult = new ArcResult(ArcChainValidation.NONE, 0, "", "", "message not evaluated: " + rejected.reason(),
                        List.of(), false);
                fromValues = List.of();
            }
        }
        Optional<SpfIdentity> spfIdentity = spfVerdict.domain().isEmpty()
                ? Optional.empty()
                : Optional.of(new SpfIdentity(spfVerdict.domain(), spfVerdict.result() == SpfResult.PASS));
        List<DkimIdentity> dkimIdentities = signatures.stream()
                .filter(s -> !s.domain().isEmpty())
                .map(s -> new DkimIdentity(s.domain(), s.countsForDmarc()))
                .toList();
        DmarcVerdict dmarcVerdict = dmarc.evaluate(fromValues, spfIdentity, dkimIdentities);
        String header = render(session, spfVerdict, signatures, arcResult, dmarcVerdict);
        return new AuthenticationReport(spfVerdict, signatures, arcResult, dmarcVerdict, header,
                stripped.removedFields(), temporaryError(spfVerdict, signatures, arcResult, dmarcVerdict));
    }

    private static Optional<String> temporaryError(SpfVerdict spf, List<DkimSignatureResult> dkim, ArcResult arc,
            DmarcVerdict dmarc) {
        List<String> reasons = new ArrayList<>();
        if (spf.result() == SpfResult.TEMPERROR) {
            reasons.add("spf: " + spf.problem());
        }
        dkim.stream().filter(s -> s.result() == DkimResult.TEMPERROR)
                .forEach(s -> reasons.add("dkim " + s.domain() + ": " + s.reason()));
        if (arc.temporary()) {
            reasons.add("arc: " + arc.reason());
        }
        if (dmarc.result() == DmarcResult.TEMPERROR) {
            reasons.add("dmarc: " + dmarc.reason());
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of("DNS temporary error (" + String.join("; ", reasons) + ")");
    }

    private String render(SessionFacts session, SpfVerdict spfVerdict, List<DkimSignatureResult> signatures,
            ArcResult arcResult, DmarcVerdict dmarcVerdict) {
        List<MethodResult> results = new ArrayList<>();
        List<Property> spfProperties = new ArrayList<>();
        if (session.mailFrom().isEmpty()) {
            spfProperties.add(Property.smtp("helo", session.helo()));
        } else {
            spfProperties.add(Property.smtp("mailfrom", session.mailFrom()));
        }
        results.add(MethodResult.of("spf", spfVerdict.result(), reason(spfVerdict.problem()), spfProperties));
        if (signatures.isEmpty()) {
            results.add(MethodResult.of("dkim", DkimResult.NONE, List.of()));
        }
        for (DkimSignatureResult signature : signatures) {
            List<Property> properties = new ArrayList<>();
            if (!signature.domain().isEmpty()) {
                properties.add(Property.header("d", signature.domain()));
            }
            if (!signature.selector().isEmpty()) {
                properties.add(Property.header("s", signature.selector()));
            }
            if (!signature.headerB().isEmpty()) {
                properties.add(Property.header("b", signature.headerB()));
            }
            results.add(MethodResult.of("dkim", signature.result(), reason(signature.reason()), properties));
        }
        List<Property> dmarcProperties = new ArrayList<>();
        if (!dmarcVerdict.fromDomain().isEmpty()) {
            dmarcProperties.add(Property.header("from", dmarcVerdict.fromDomain()));
        }
        results.add(MethodResult.of("dmarc", dmarcVerdict.result(), reason(dmarcVerdict.reason()), dmarcProperties));
        results.add(MethodResult.of("arc", arcResult.cv(), reason(arcResult.reason()), List.of()));
        return AuthenticationResultsHeader.of(authservId, results).field();
    }

    private static String reason(String text) {
        return text == null ? "" : text;
    }
}
