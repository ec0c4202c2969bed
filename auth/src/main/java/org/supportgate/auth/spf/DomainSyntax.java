package org.supportgate.auth.spf;

import java.util.Locale;
import java.util.Optional;

/** Rules for the domain names SPF puts on the wire (RFC 7208 sections 4.3 and 7.3). */
final class DomainSyntax {

    static final int MAX_NAME = 253;
    static final int MAX_LABEL = 63;

    private DomainSyntax() {}

    /**
     * The identity's domain if it is a multi-label host name we may ask about: letters, digits,
     * hyphens and underscores, labels of 1 to 63, at most 253, a top label that is not numeric.
     * Anything else (domain literals, non-ASCII, one label) gives check_host() result none.
     */
    static Optional<String> identityDomain(String domain) {
        String d = withoutTrailingDot(domain).toLowerCase(Locale.ROOT);
        if (d.isEmpty() || d.length() > MAX_NAME || d.indexOf('.') < 0) {
            return Optional.empty();
        }
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.';
            if (!ok) {
                return Optional.empty();
            }
        }
        if (!labelsFit(d)) {
            return Optional.empty();
        }
        String top = d.substring(d.lastIndexOf('.') + 1);
        if (top.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /**
     * A name from macro expansion, ready to look up: trailing dot removed, shortened from the left
     * to 253 characters (section 7.3), lower-cased. Empty if it still cannot form a DNS query
     * (empty or over-long label, control or non-ASCII characters); the caller treats that as a
     * name that does not exist.
     */
    static Optional<String> queryName(String expanded) {
        String d = withoutTrailingDot(expanded);
        while (d.length() > MAX_NAME) {
            int dot = d.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            d = d.substring(dot + 1);
        }
        if (d.isEmpty() || !labelsFit(d)) {
            return Optional.empty();
        }
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return Optional.empty();
            }
        }
        return Optional.of(d.toLowerCase(Locale.ROOT));
    }

    private static boolean labelsFit(String d) {
        int start = 0;
        while (true) {
            int dot = d.indexOf('.', start);
            int end = dot < 0 ? d.length() : dot;
            int length = end - start;
            if (length < 1 || length > MAX_LABEL) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    static String withoutTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * toplabel of RFC 7208 section 7.1: alphanumerics and hyphens, not all digits, neither
     * starting nor ending with a hyphen.
     */
    static boolean isTopLabel(String label) {
        if (label.isEmpty() || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!alpha && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
            letter |= alpha;
        }
        return letter || label.indexOf('-') >= 0;
    }

    /** True if {@code name} is {@code domain} or below it, ignoring case and trailing dots. */
    static boolean isWithin(String name, String domain) {
        String n = withoutTrailingDot(name).toLowerCase(Locale.ROOT);
        String d = withoutTrailingDot(domain).toLowerCase(Locale.ROOT);
        return n.equals(d) || n.endsWith("." + d);
    }
}
