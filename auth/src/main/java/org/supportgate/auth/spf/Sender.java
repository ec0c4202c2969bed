package org.supportgate.auth.spf;

/**
 * The identity being checked, as section 4.3 wants it: a local part (postmaster when there is
 * none) and a domain.
 */
record Sender(String localPart, String domain) {

    /** Splits at the last '@'; an empty or missing local part becomes postmaster. */
    static Sender of(String address, String fallbackDomain) {
        int at = address.lastIndexOf('@');
        String local = at < 0 ? "" : address.substring(0, at);
        String domain = at < 0 ? fallbackDomain : address.substring(at + 1);
        return new Sender(local.isEmpty() ? "postmaster" : local, domain);
    }

    String address() {
        return localPart + "@" + domain;
    }
}
