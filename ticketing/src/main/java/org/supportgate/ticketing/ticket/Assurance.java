package org.supportgate.ticketing.ticket;

import java.util.Locale;

/**
 * How strongly a request's sender is proven, weakest first (DESIGN.md, "Assurance"). The order of
 * the constants is the order of strength.
 */
public enum Assurance {
    NONE, EMAIL, SIGNED, SUPPORT_CODE, CONSOLE;

    public boolean atLeast(Assurance required) {
        return compareTo(required) >= 0;
    }

    /** The value in the database and the JSON API. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code none}, {@code EMAIL}, {@code support_code}...; anything else is an error. */
    public static Assurance parse(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
