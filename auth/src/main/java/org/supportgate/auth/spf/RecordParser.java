package org.supportgate.auth.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a whole SPF record before any of it is evaluated, so that a syntax error anywhere gives
 * permerror (RFC 7208 section 4.6). Hand-written: the input is untrusted and no pattern engine is
 * needed for a grammar this small.
 */
final class RecordParser {

    private RecordParser() {}

    /** Parses a record that {@link SpfRecord#isSpf1} accepted; throws {@link SpfAbort}. */
    static SpfRecord parse(String text, int maxLength) {
        if (text.length() > maxLength) {
            throw SpfAbort.permError("record longer than " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw SpfAbort.permError("record holds character U+%04X (SPF is printable ASCII)"
                        .formatted((int) c));
            }
        }
        List<Directive> directives = new ArrayList<>();
        Optional<MacroString> redirect = Optional.empty();
        Optional<MacroString> explanation = Optional.empty();
        for (String term : text.substring(6).split(" ")) {
            if (term.isEmpty()) {
                continue;
            }
            int split = firstOf(term, ":/=");
            if (split >= 0 && term.charAt(split) == '=') {
                String name = term.substring(0, split);
                String value = term.substring(split + 1);
                checkModifierName(name, term);
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "redirect" -> {
                        if (redirect.isPresent()) {
                            throw SpfAbort.permError("redirect= appears twice");
                        }
                        redirect = Optional.of(domainSpec(value, term));
                    }
                    case "exp" -> {
                        if (explanation.isPresent()) {
                            throw SpfAbort.permError("exp= appears twice");
                        }
                        explanation = Optional.of(domainSpec(value, term));
                    }
                    default -> MacroString.parse(value, MacroString.Use.MODIFIER_VALUE);
                }
            } else {
                directives.add(directive(term));
            }
        }
        return new SpfRecord(directives, redirect, explanation);
    }

    private static int firstOf(String term, String chars) {
        for (int i = 0; i < term.length(); i++) {
            if (chars.indexOf(term.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ) (section 6). */
    private static void checkModifierName(String name, String term) {
        boolean ok = !name.isEmpty() && isAlpha(name.charAt(0));
        for (int i = 1; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = isAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        }
        if (!ok) {
            throw SpfAbort.permError("bad modifier name in \"" + MacroString.printable(term) + "\"");
        }
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static Directive directive(String term) {
        // "+-~?" is in the order of Qualifier's constants; no prefix means "+".
        int prefix = "+-~?".indexOf(term.charAt(0));
        Qualifier qualifier = prefix < 0 ? Qualifier.PASS : Qualifier.values()[prefix];
        String body = prefix < 0 ? term : term.substring(1);
        int split = firstOf(body, ":/");
        String name = (split < 0 ? body : body.substring(0, split)).toLowerCase(Locale.ROOT);
        String rest = split < 0 ? "" : body.substring(split);
        Mechanism mechanism = switch (name) {
            case "all" -> {
                requireEmpty(rest, term);
                yield new Mechanism.All();
            }
            case "include" -> new Mechanism.Include(requiredDomain(rest, term));
            case "exists" -> new Mechanism.Exists(requiredDomain(rest, term));
            case "ptr" -> new Mechanism.Ptr(optionalDomain(rest, term));
            case "a", "mx" -> dualCidr(name, rest, term);
            case "ip4" -> ip(rest, term, true);
            case "ip6" -> ip(rest, term, false);
            default -> throw SpfAbort.permError(
                    "unknown mechanism \"" + MacroString.printable(term) + "\"");
        };
        return new Directive(qualifier, mechanism);
    }

    private static void requireEmpty(String rest, String term) {
        if (!rest.isEmpty()) {
            throw SpfAbort.permError("unexpected argument in \"" + MacroString.printable(term) + "\"");
        }
    }

    private static MacroString requiredDomain(String rest, String term) {
        if (!rest.startsWith(":")) {
            throw SpfAbort.permError("missing domain in \"" + MacroString.printable(term) + "\"");
        }
        return domainSpec(rest.substring(1), term);
    }

    private static Optional<MacroString> optionalDomain(String rest, String term) {
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(requiredDomain(rest, term));
    }

    private static MacroString domainSpec(String value, String term) {
        if (value.isEmpty()) {
            throw SpfAbort.permError("empty domain in \"" + MacroString.printable(term) + "\"");
        }
        return MacroString.parse(value, MacroString.Use.DOMAIN_SPEC);
    }

    /** a and mx: [ ":" domain-spec ] [ "/" ip4-cidr ] [ "//" ip6-cidr ], cidr taken from the end. */
    private static Mechanism dualCidr(String name, String rest, String term) {
        String spec = rest;
        int cidr6 = 128;
        int cidr4 = 32;
        int doubleSlash = trailingCidr(spec, "//");
        if (doubleSlash >= 0) {
            cidr6 = cidrValue(spec.substring(doubleSlash + 2), 128, term);
            spec = spec.substring(0, doubleSlash);
        }
        int slash = trailingCidr(spec, "/");
        if (slash >= 0) {
            cidr4 = cidrValue(spec.substring(slash + 1), 32, term);
            spec = spec.substring(0, slash);
        }
        if (!spec.isEmpty() && !spec.startsWith(":")) {
            throw SpfAbort.permError("bad argument in \"" + MacroString.printable(term) + "\"");
        }
        Optional<MacroString> domain = optionalDomain(spec, term);
        return name.equals("a")
                ? new Mechanism.A(domain, cidr4, cidr6)
                : new Mechanism.Mx(domain, cidr4, cidr6);
    }

    /** Index of a trailing {@code slash} followed only by digits, or -1. */
    private static int trailingCidr(String s, String slash) {
        int end = s.length();
        int i = end;
        while (i > 0 && Character.isDigit(s.charAt(i - 1)) && s.charAt(i - 1) < 0x80) {
            i--;
        }
        if (i == end || !s.startsWith(slash, i - slash.length())) {
            return -1;
        }
        int at = i - slash.length();
        // "a//64" must not also be read as ip4 cidr "/64" preceded by "/".
        if (slash.equals("/") && at > 0 && s.charAt(at - 1) == '/') {
            return -1;
        }
        return at;
    }

    private static int cidrValue(String digits, int max, String term) {
        if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SpfAbort.permError("bad prefix length in \"" + MacroString.printable(term) + "\"");
        }
        int value = Integer.parseInt(digits);
        if (value > max) {
            throw SpfAbort.permError("prefix length over " + max + " in \""
                    + MacroString.printable(term) + "\"");
        }
        return value;
    }

    private static Mechanism ip(String rest, String term, boolean v4) {
        if (!rest.startsWith(":")) {
            throw SpfAbort.permError("missing address in \"" + MacroString.printable(term) + "\"");
        }
        String value = rest.substring(1);
        int max = v4 ? 32 : 128;
        int prefix = max;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            prefix = cidrValue(value.substring(slash + 1), max, term);
            value = value.substring(0, slash);
        }
        Optional<byte[]> address = v4 ? IpLiteral.parse4(value) : IpLiteral.parse6(value);
        if (address.isEmpty()) {
            throw SpfAbort.permError("bad address in \"" + MacroString.printable(term) + "\"");
        }
        return new Mechanism.Ip(new Network(address.get(), prefix));
    }
}
