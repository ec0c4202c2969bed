package org.supportgate.auth.dkim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

/**
 * Verifies every DKIM-Signature on a message (RFC 6376, RFC 8301, RFC 8463), each with its own
 * verdict. An empty list means the message is unsigned ({@code dkim=none}).
 *
 * <p>RFC 6376 section 8.15: a signature that verifies on a message with other than exactly one
 * From field, or whose h= names From fewer times than From appears, is reported as
 * {@link DkimResult#POLICY}, not PASS, so it can never count for DMARC alignment by mistake.
 */
public final class DkimVerifier {

    private static final int HEADER_B_MIN = 8;

    private final SignatureCheck check;
    private final DkimLimits limits;

    public DkimVerifier(DnsResolver dns, Clock clock, DkimLimits limits) {
        this.check = new SignatureCheck(dns, clock, limits);
        this.limits = limits;
    }

    public DkimVerifier(DnsResolver dns, Clock clock) {
        this(dns, clock, DkimLimits.DEFAULT);
    }

    public List<DkimSignatureResult> verify(RawMessage message) {
        List<HeaderField> signatures = message.headers("DKIM-Signature");
        int fromCount = message.headers("From").size();
        List<DkimSignatureResult> results = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            if (i >= limits.maxSignatures()) {
                results.add(notEvaluated(signatures.get(i)));
                continue;
            }
            DkimSignatureResult result = check.check(message, signatures.get(i), SignatureCheck.Profile.DKIM);
            results.add(result.result() == DkimResult.PASS ? fromRule(result, fromCount) : result);
        }
        return withHeaderB(results);
    }

    private static DkimSignatureResult fromRule(DkimSignatureResult result, int fromCount) {
        if (fromCount != 1) {
            return result.with(DkimResult.POLICY,
                    "verified, but the message has " + fromCount + " From fields (RFC 6376 section 8.15)");
        }
        long signedFroms = result.signedHeaders().stream().filter("from"::equals).count();
        if (signedFroms < fromCount) {
            return result.with(DkimResult.POLICY, "verified, but h= does not cover every From field");
        }
        return result;
    }

    private DkimSignatureResult notEvaluated(HeaderField field) {
        DkimSignatureResult unread = new DkimSignatureResult(DkimResult.NEUTRAL, "", "", "", "", "", false,
                false, List.of(), "not evaluated: more than " + limits.maxSignatures() + " signatures");
        try {
            TagList tags = TagList.parse(field.value());
            return new DkimSignatureResult(DkimResult.NEUTRAL, tags.get("d").orElse(""), tags.get("s").orElse(""),
                    tags.get("i").orElse(""), tags.get("a").orElse(""), TagList.removeFws(tags.get("b").orElse("")),
                    false, false, List.of(), unread.reason());
        } catch (TagSyntaxException e) {
            return unread;
        }
    }

    /** Shortens each b= to the shortest prefix of at least 8 characters that no other b= shares. */
    private static List<DkimSignatureResult> withHeaderB(List<DkimSignatureResult> results) {
        List<DkimSignatureResult> out = new ArrayList<>(results.size());
        for (DkimSignatureResult r : results) {
            String b = r.headerB();
            int length = Math.min(HEADER_B_MIN, b.length());
            while (length < b.length() && sharesPrefix(results, r, b.substring(0, length))) {
                length++;
            }
            out.add(r.withHeaderB(b.substring(0, length)));
        }
        return List.copyOf(out);
    }

    private static boolean sharesPrefix(List<DkimSignatureResult> results, DkimSignatureResult self, String prefix) {
        return results.stream().anyMatch(o -> o != self && o.headerB().startsWith(prefix));
    }
}
