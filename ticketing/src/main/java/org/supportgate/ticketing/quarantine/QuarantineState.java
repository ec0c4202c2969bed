package org.supportgate.ticketing.quarantine;

import java.util.Locale;
import java.util.Optional;

/** Where an item stands: {@code pending → released | rejected}, each decided once. */
public enum QuarantineState {
    PENDING, RELEASED, REJECTED;

    /** The lower-case word of the schema and the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code pending}, {@code RELEASED}...; empty for anything else. */
    public static Optional<QuarantineState> parse(String value) {
        for (QuarantineState state : values()) {
            if (state.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
