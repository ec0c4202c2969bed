package org.supportgate.gateway.authentication;

import java.util.List;
import java.util.Locale;
import org.supportgate.auth.AuthenticationReport;
import org.supportgate.auth.MessageAuthenticator;
import org.supportgate.auth.arc.ArcResult;
import org.supportgate.auth.dkim.DkimSignatureResult;
import org.supportgate.auth.dmarc.DmarcVerdict;
import org.supportgate.auth.spf.SpfVerdict;

/**
 * A message's authentication results as stored and shown by the API, with RFC 8601 result tokens
 * in lower case ({@code pass}, {@code fail}, {@code temperror}...).
 */
public record AuthenticationView(
        Spf spf, List<Dkim> dkim, Dmarc dmarc, Arc arc, String header, List<String> removedFields) {

    public record Spf(String result, String domain, String explanation, String problem) {}

    public record Dkim(String result, String domain, String selector, String identity, String algorithm,
            String headerB, boolean bodyPartlyCovered, boolean testing, boolean countsForDmarc, String reason) {}

    public record Dmarc(String result, String fromDomain, String policyDomain, String organizationalDomain,
            String appliedPolicy, boolean spfAligned, boolean dkimAligned, String reason) {}

    public record Arc(String cv, int instances, String oldestSealer, String newestSealer, boolean trustedSealer,
            String reason) {}

    public static AuthenticationView of(AuthenticationReport report, MessageAuthenticator authenticator) {
        SpfVerdict spf = report.spf();
        DmarcVerdict dmarc = report.dmarc();
        ArcResult arc = report.arc();
        return new AuthenticationView(
                new Spf(token(spf.result()), spf.domain(), spf.explanation(), spf.problem()),
                report.dkim().stream().map(AuthenticationView::dkim).toList(),
                new Dmarc(token(dmarc.result()), dmarc.fromDomain(), dmarc.policyDomain(), dmarc.organizationalDomain(),
                        token(dmarc.appliedPolicy()), dmarc.spfAligned(), dmarc.dkimAligned(), dmarc.reason()),
                new Arc(token(arc.cv()), arc.instances(), arc.oldestSealer(), arc.newestSealer(),
                        authenticator.trustedArcSealer(arc), arc.reason()),
                report.header(),
                report.removedFields());
    }

    private static Dkim dkim(DkimSignatureResult s) {
        return new Dkim(token(s.result()), s.domain(), s.selector(), s.identity(), s.algorithm(), s.headerB(),
                s.bodyPartlyCovered(), s.testing(), s.countsForDmarc(), s.reason());
    }

    private static String token(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
