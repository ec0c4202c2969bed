package org.supportgate.auth.trust;

/**
 * How strongly a request's origin is proven, weakest first. The order is the contract:
 * {@link #meets} compares by it, and policy names the level each request category needs.
 *
 * <p>{@link SenderTrust} only ever gives {@code NONE}, {@code EMAIL} or {@code SIGNED}; a support
 * code and the console raise a request to the two top levels elsewhere.
 */
public enum Assurance {
    /** The sender is unknown, disabled, or authentication failed. */
    NONE,
    /** The From address is a verified, active contact of a partner. */
    EMAIL,
    /** As EMAIL, by DMARC or a trusted ARC sealer, and S/MIME-signed with the contact's pinned certificate. */
    SIGNED,
    /** The request carries a valid, unused support code from the partner's admin. */
    SUPPORT_CODE,
    /** A logged-in partner admin created the request in the console. */
    CONSOLE;

    /** True when this level is at least {@code required}. */
    public boolean meets(Assurance required) {
        return compareTo(required) >= 0;
    }

    /** The lower-case word used in policy files, the database and the JSON API. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads {@code none}, {@code EMAIL}, {@code support_code}...; anything else is an error. */
    public static Assurance parse(String value) {
        return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
