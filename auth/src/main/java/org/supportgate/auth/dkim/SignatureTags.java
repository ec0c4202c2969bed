package org.supportgate.auth.dkim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The tags of a DKIM-Signature or ARC-Message-Signature, read and checked for syntax and for the
 * rules of RFC 6376 section 6.1.1 that need no DNS and no clock.
 */
record SignatureTags(DkimAlgorithm algorithm, byte[] signature, byte[] bodyHash,
        Canonicalization headerCanon, Canonicalization bodyCanon, String domain, String selector,
        List<String> signedHeaders, String identity, OptionalLong bodyLength,
        OptionalLong timestamp, OptionalLong expiry) {

    private static final int MAX_TIME_DIGITS = 12;
    private static final int MAX_LENGTH_DIGITS = 15;
    /** Real signatures name a few dozen fields; the bound keeps header selection cheap. */
    static final int MAX_SIGNED_HEADERS = 256;

    static SignatureTags read(TagList tags, SignatureCheck.Profile profile) throws TagSyntaxException, Rejection {
        if (profile == SignatureCheck.Profile.DKIM && !tags.require("v").equals("1")) {
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
        String defaultCanonicalization = profile == SignatureCheck.Profile.DKIM ? "simple/simple" : "relaxed/relaxed";
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
        String identity = "";
        if (profile == SignatureCheck.Profile.DKIM) {
            identity = tags.get("i").orElse("@" + domain);
            if (!identity.contains("@") || !isSameOrSubdomain(domainOf(identity), domain)) {
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
        return new SignatureTags(algorithm, signature, bodyHash, headerCanon, bodyCanon, domain, selector,
                signedHeaders, identity, bodyLength, timestamp, expiry);
    }

    private static List<String> signedHeaders(TagList tags, SignatureCheck.Profile profile)
            throws TagSyntaxException, Rejection {
        if (!tags.has("h")) {
            throw Rejection.permerror("missing required tag h=");
        }
        // Empty entries (h=from::to) name no field and so sign nothing; the ARC suite expects them read.
        List<String> names = Arrays.stream(TagList.removeFws(tags.get("h").orElseThrow()).split(":"))
                .filter(n -> !n.isEmpty()).map(n -> n.toLowerCase(Locale.ROOT)).toList();
        if (names.size() > MAX_SIGNED_HEADERS) {
            throw Rejection.permerror("h= names more than " + MAX_SIGNED_HEADERS + " fields");
        }
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
                // RFC 8617 section 4.1.2 forbids all ARC fields in h=; the ValiMail suite expects
                // ARC-Authentication-Results and ARC-Message-Signature to be tolerated, ARC-Seal not.
                if (names.contains("arc-seal")) {
                    throw Rejection.permerror("h= of an ARC-Message-Signature includes ARC-Seal");
                }
            }
        }
        return names;
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
}
