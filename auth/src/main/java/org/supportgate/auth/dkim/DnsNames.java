package org.supportgate.auth.dkim;

/**
 * Syntax checks for the d= and s= values before they become a DNS query: letters, digits,
 * hyphen and underscore in labels of 1 to 63 octets, 253 octets at most in all.
 */
final class DnsNames {

    private DnsNames() {}

    static boolean isDomain(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String label : n.split("\\.", -1)) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
