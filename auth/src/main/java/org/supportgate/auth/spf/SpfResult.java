package org.supportgate.auth.spf;

/** The seven results of check_host() (RFC 7208 section 2.6), named as in RFC 8601. */
public enum SpfResult {
    NONE,
    NEUTRAL,
    PASS,
    FAIL,
    SOFTFAIL,
    TEMPERROR,
    PERMERROR;

    /** The lower-case token used in Authentication-Results and Received-SPF. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
