package org.supportgate.auth.dmarc;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Domain names as DMARC compares them: A-labels (RFC 9989 section 5.3.1 requires U-labels to be
 * converted), lower case (comparison is case-insensitive per section 4.4), no trailing dot.
 */
final class DomainName {

    /** Longer input cannot be a domain name; refusing it early bounds the IDN conversion. */
    static final int MAX_INPUT = 1024;
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private DomainName() {}

    /** The normalised name, or empty when the text is not a usable host name. */
    static Optional<String> normalise(String raw) {
        if (raw.isEmpty() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String name = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        if (ascii.isEmpty() || ascii.length() > MAX_NAME) {
            return Optional.empty();
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!isLdhLabel(label)) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }

    /** The number of labels of a normalised name. */
    static int labelCount(String name) {
        int count = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                count++;
            }
        }
        return count;
    }

    /** The name without its left-most label; empty for a single-label name. */
    static Optional<String> parent(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(name.substring(dot + 1));
    }

    /** The right-most {@code labels} labels of a normalised name. */
    static String lastLabels(String name, int labels) {
        String result = name;
        for (int extra = labelCount(name) - labels; extra > 0; extra--) {
            result = result.substring(result.indexOf('.') + 1);
        }
        return result;
    }

    /** True when the two names have at least their right-most label in common. */
    static boolean shareTopLabel(String a, String b) {
        return lastLabels(a, 1).equals(lastLabels(b, 1));
    }

    private static boolean isLdhLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL
                || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ldh = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            if (!ldh) {
                return false;
            }
        }
        return true;
    }
}
