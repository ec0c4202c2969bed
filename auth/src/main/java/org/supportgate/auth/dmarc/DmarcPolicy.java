package org.supportgate.auth.dmarc;

import java.util.Locale;
import java.util.Optional;

/** The Domain Owner Assessment Policy of RFC 9989 section 4.7 ({@code p}, {@code sp}, {@code np}). */
public enum DmarcPolicy {
    NONE,
    QUARANTINE,
    REJECT;

    /** The dmarc-request ABNF of section 4.8; ABNF literals are case-insensitive. */
    static Optional<DmarcPolicy> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> Optional.of(NONE);
            case "quarantine" -> Optional.of(QUARANTINE);
            case "reject" -> Optional.of(REJECT);
            default -> Optional.empty();
        };
    }

    /**
     * The policy one level below this one: what RFC 9989 section 4.7 ({@code t=y}) asks receivers
     * to apply while the Domain Owner is testing.
     */
    DmarcPolicy oneLevelBelow() {
        return switch (this) {
            case NONE, QUARANTINE -> NONE;
            case REJECT -> QUARANTINE;
        };
    }
}
