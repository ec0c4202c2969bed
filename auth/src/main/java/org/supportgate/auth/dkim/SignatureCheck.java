package org.supportgate.auth.dkim;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

/**
 * Verifies one DKIM-Signature, or one ARC-Message-Signature (which RFC 8617 section 4.1.2 defines
 * as a DKIM signature with an instance number in place of the AUID), following RFC 6376 section 6.1:
 * tags, then body hash, then key, then header signature. The body hash comes before the key so
 * that a broken signature costs no DNS query.
 */
public final class SignatureCheck {

    /** Which header field is being checked; the tag rules differ slightly. */
    public enum Profile { DKIM, ARC_MESSAGE_SIGNATURE }

    private final DkimKeyQuery keys;
    private final Clock clock;
    private final DkimLimits limits;

    public SignatureCheck(DnsResolver dns, Clock clock, DkimLimits limits) {
        this.keys = new DkimKeyQuery(dns, limits.minRsaBits(), limits.maxRsaBits());
        this.clock = clock;
        this.limits = limits;
    }

    /** A verdict for the signature in {@code field}; never throws for any field content. */
    public DkimSignatureResult check(RawMessage message, HeaderField field, Profile profile) {
        Claims claims = new Claims();
        try {
            verify(message, field, profile, claims);
            return claims.result(DkimResult.PASS, "signature verified");
        } catch (Rejection r) {
            return claims.result(r.result, r.getMessage());
        }
    }

    private void verify(RawMessage message, HeaderField field, Profile profile, Claims claims) throws Rejection {
        TagList tags;
        SignatureTags sig;
        try {
            tags = TagList.parse(field.value());
        } catch (TagSyntaxException e) {
            throw Rejection.permerror("malformed tag list: " + e.getMessage());
        }
        claims.read(tags, profile);
        try {
            sig = SignatureTags.read(tags, profile);
        } catch (TagSyntaxException e) {
            throw Rejection.permerror(e.getMessage());
        }
        claims.signedHeaders = sig.signedHeaders();
        checkTime(sig);
        checkBody(message, sig, claims);
        DkimPublicKey key = switch (keys.fetch(sig.selector(), sig.domain(), sig.algorithm())) {
            case KeyLookup.Failed f -> throw new Rejection(f.result(), f.reason());
            case KeyLookup.Found found -> {
                claims.testing = found.record().testing();
                if (profile == Profile.DKIM && found.record().strictIdentity()
                        && !SignatureTags.domainOf(sig.identity()).equalsIgnoreCase(sig.domain())) {
                    throw Rejection.permerror("key record t=s requires the i= domain to equal d=");
                }
                yield found.key();
            }
        };
        byte[] headerData = SignedHeaders.data(message, sig.signedHeaders(), sig.headerCanon(), field);
        if (!key.verifies(sig.algorithm(), headerData, sig.signature())) {
            throw Rejection.fail("signature did not verify");
        }
    }

    private static void checkBody(RawMessage message, SignatureTags sig, Claims claims) throws Rejection {
        byte[] canonicalBody = sig.bodyCanon().body(message.body());
        int length = canonicalBody.length;
        if (sig.bodyLength().isPresent()) {
            long signedLength = sig.bodyLength().getAsLong();
            if (signedLength > length) {
                throw Rejection.permerror("l= is longer than the body");
            }
            claims.bodyPartlyCovered = signedLength < length;
            length = (int) signedLength;
        }
        byte[] bodyHash = Sha256.of(canonicalBody, length);
        if (!MessageDigest.isEqual(bodyHash, sig.bodyHash())) {
            throw Rejection.fail("body hash did not verify");
        }
    }

    private void checkTime(SignatureTags sig) throws Rejection {
        long now = clock.instant().getEpochSecond();
        long skew = limits.clockSkew().toSeconds();
        if (sig.timestamp().isPresent() && sig.timestamp().getAsLong() > now + skew) {
            throw Rejection.fail("t= is in the future");
        }
        if (sig.expiry().isPresent() && sig.expiry().getAsLong() + skew < now) {
            throw Rejection.fail("signature expired (x=)");
        }
    }

    /** What the signature claims, gathered as far as it could be read, for the result. */
    private static final class Claims {
        String domain = "";
        String selector = "";
        String identity = "";
        String algorithm = "";
        String b = "";
        boolean bodyPartlyCovered;
        boolean testing;
        List<String> signedHeaders = List.of();

        void read(TagList tags, Profile profile) {
            domain = tags.get("d").orElse("");
            selector = tags.get("s").orElse("");
            // In an ARC-Message-Signature i= is the instance number, not an identity.
            identity = profile == Profile.ARC_MESSAGE_SIGNATURE ? ""
                    : tags.get("i").orElse(domain.isEmpty() ? "" : "@" + domain);
            algorithm = tags.get("a").orElse("");
            b = TagList.removeFws(tags.get("b").orElse(""));
        }

        DkimSignatureResult result(DkimResult result, String reason) {
            return new DkimSignatureResult(result, domain, selector, identity, algorithm, b,
                    bodyPartlyCovered, testing, signedHeaders, reason);
        }
    }
}
