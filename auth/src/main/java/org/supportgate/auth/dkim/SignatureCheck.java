package org.supportgate.auth.dkim;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
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

    private static final int MAX_TIME_DIGITS = 12;
    private static final int MAX_LENGTH_DIGITS = 15;

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
        try {
            tags = TagList.parse(field.value());
        } catch (TagSyntaxException e) {
            throw Rejection.permerror("malformed tag list: " + e.getMessage());
        }
        claims.read(tags, profile);
        try {
            Signature sig = readSignature(tags, profile, claims);
            checkTime(sig);
            byte[] canonicalBody = sig.bodyCanon.body(message.body());
            long length = canonicalBody.length;
            if (sig.bodyLength.isPresent()) {
                if (sig.bodyLength.getAsLong() > length) {
                    throw Rejection.permerror("l= is longer than the body");
                }
                claims.bodyPartlyCovered = sig.bodyLength.getAsLong() < length;
                length = sig.bodyLength.getAsLong();
            }
            byte[] bodyHash = DkimPublicKey.sha256(Arrays.copyOf(canonicalBody, (int) length));
            if (!MessageDigest.isEqual(bodyHash, sig.bodyHash)) {
                throw Rejection.fail("body hash did not verify");
            }
            KeyLookup lookup = keys.fetch(sig.selector, sig.domain, sig.algorithm);
            DkimPublicKey key = switch (lookup) {
                case KeyLookup.Failed f -> throw new Rejection(f.result(), f.reason());
                case KeyLookup.Found found -> {
                    claims.testing = found.record().testing();
                    if (profile == Profile.DKIM && found.record().strictIdentity()
                            && !domainOf(sig.identity).equalsIgnoreCase(sig.domain)) {
                        throw Rejection.permerror("key record t=s requires the i= domain to equal d=");
                    }
                    yield found.key();
                }
            };
            byte[] headerData = SignedHeaders.data(message, sig.signedHeaders, sig.headerCanon, field);
            if (!key.verifies(sig.algorithm, headerData, sig.signature)) {
                throw Rejection.fail("signature did not verify");
            }
        } catch (TagSyntaxException e) {
            throw Rejection.permerror(e.getMessage());
        }
    }

    private record Signature(DkimAlgorithm algorithm, byte[] signature, byte[] bodyHash,
            Canonicalization headerCanon, Canonicalization bodyCanon, String domain, String selector,
            List<String> signedHeaders, String identity, OptionalLong bodyLength,
            OptionalLong timestamp, OptionalLong expiry) {}

    private static Signature readSignature(TagList tags, Profile profile, Claims claims)
            throws TagSyntaxException, Rejection {
        if (profile == Profile.DKIM && !tags.require("v").equals("1")) {
            throw Rejection.permerror("unsupported version v=" + tags.get("v").orElse(""));
        }
        String a = tags.require("a");
        DkimAlgorithm algorithm = DkimAlgorithm.named(a).orElseThrow(() -> a.equals("rsa-sha1")
                ? Rejection.permerror("rsa-sha1 is not acceptable (RFC 8301)")
                : Rejection.permerror("unknown algorithm a=" + a));
        byte[] signature = DkimKeyRecord.decodeBase64(tags.require("b"), "b=");
        byte[] bodyHash = DkimKeyRecord.decodeBase64(tags.require("bh"), "bh=");
        if (signature.length == 0 || bodyHash.length == 0) {
            throw Rejection.permerror("empty b= or bh=");
        }
        // DKIM's default is simple/simple. For ARC the ValiMail suite (ams_fields_c_na) was signed
        // with relaxed/relaxed when c= is absent, as dkimpy and other ARC implementations do.
        String defaultCanonicalization = profile == Profile.DKIM ? "simple/simple" : "relaxed/relaxed";
        String[] c = tags.get("c").orElse(defaultCanonicalization).split("/", -1);
        if (c.length > 2) {
            throw Rejection.permerror("invalid c=");
        }
        Canonicalization headerCanon = Canonicalization.named(c[0])
                .orElseThrow(() -> Rejection.permerror("invalid c="));
        Canonicalization bodyCanon = c.length == 1 ? Canonicalization.SIMPLE
                : Canonicalization.named(c[1]).orElseThrow(() -> Rejection.permerror("invalid c="));
        String domain = tags.require("d");
        if (!DnsNames.isDomain(domain)) {
            throw Rejection.permerror("d= is not a domain name");
        }
        String selector = tags.require("s");
        if (!DnsNames.isDomain(selector)) {
            throw Rejection.permerror("s= is not a valid selector");
        }
        List<String> signedHeaders = signedHeaders(tags, profile);
        String identity = "@" + domain;
        if (profile == Profile.DKIM) {
            identity = tags.get("i").orElse(identity);
            String auidDomain = domainOf(identity);
            if (!identity.contains("@") || !isSameOrSubdomain(auidDomain, domain)) {
                throw Rejection.permerror("i= is not in the d= domain");
            }
            Optional<String> q = tags.get("q");
            if (q.isPresent() && Arrays.stream(q.get().split(":")).map(TagList::stripFws)
                    .noneMatch(m -> m.equals("dns/txt"))) {
                throw Rejection.permerror("unsupported query method q=" + q.get());
            }
        }
        OptionalLong bodyLength = number(tags, "l", MAX_LENGTH_DIGITS);
        OptionalLong timestamp = number(tags, "t", MAX_TIME_DIGITS);
        OptionalLong expiry = number(tags, "x", MAX_TIME_DIGITS);
        if (timestamp.isPresent() && expiry.isPresent() && expiry.getAsLong() < timestamp.getAsLong()) {
            throw Rejection.permerror("x= is before t=");
        }
        claims.identity = profile == Profile.DKIM ? identity : "";
        claims.signedHeaders = signedHeaders;
        return new Signature(algorithm, signature, bodyHash, headerCanon, bodyCanon, domain, selector,
                signedHeaders, identity, bodyLength, timestamp, expiry);
    }

    private static List<String> signedHeaders(TagList tags, Profile profile) throws TagSyntaxException, Rejection {
        if (!tags.has("h")) {
            throw Rejection.permerror("missing required tag h=");
        }
        // Empty entries (h=from::to) name no field and so sign nothing; the ARC suite expects them read.
        List<String> names = Arrays.stream(TagList.removeFws(tags.get("h").orElseThrow()).split(":"))
                .filter(n -> !n.isEmpty()).map(n -> n.toLowerCase(Locale.ROOT)).toList();
        for (String name : names) {
            if (!name.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e && ch != ':')) {
                throw Rejection.permerror("h= names an invalid field");
            }
        }
        switch (profile) {
            case DKIM -> {
                if (!names.contains("from")) {
                    throw Rejection.permerror("h= does not include From");
                }
            }
            case ARC_MESSAGE_SIGNATURE -> {
                if (names.contains("arc-seal")) {
                    throw Rejection.permerror("h= of an ARC-Message-Signature includes ARC-Seal");
                }
            }
        }
        return names;
    }

    private void checkTime(Signature sig) throws Rejection {
        long now = clock.instant().getEpochSecond();
        long skew = limits.clockSkew().toSeconds();
        if (sig.timestamp.isPresent() && sig.timestamp.getAsLong() > now + skew) {
            throw Rejection.fail("t= is in the future");
        }
        if (sig.expiry.isPresent() && sig.expiry.getAsLong() + skew < now) {
            throw Rejection.fail("signature expired (x=)");
        }
    }

    private static OptionalLong number(TagList tags, String name, int maxDigits) throws Rejection {
        Optional<String> value = tags.get(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        String v = value.get();
        if (v.isEmpty() || v.length() > maxDigits || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw Rejection.permerror("invalid " + name + "=");
        }
        return OptionalLong.of(Long.parseLong(v));
    }

    static String domainOf(String identity) {
        int at = identity.lastIndexOf('@');
        return at < 0 ? identity : identity.substring(at + 1);
    }

    private static boolean isSameOrSubdomain(String candidate, String domain) {
        String c = candidate.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        return c.equals(d) || c.endsWith("." + d);
    }

    /** What the signature claims, gathered as far as it could be read. */
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

    /** Ends the check early with a verdict; never leaves this class. */
    private static final class Rejection extends Exception {
        final DkimResult result;

        Rejection(DkimResult result, String reason) {
            super(reason, null, false, false);
            this.result = result;
        }

        static Rejection permerror(String reason) {
            return new Rejection(DkimResult.PERMERROR, reason);
        }

        static Rejection fail(String reason) {
            return new Rejection(DkimResult.FAIL, reason);
        }
    }
}
