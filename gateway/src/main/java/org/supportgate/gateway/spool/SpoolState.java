package org.supportgate.gateway.spool;

import java.util.Locale;

/** Where a spooled message stands: {@code queued → processing → done | deferred | dead}. */
public enum SpoolState {
    QUEUED, PROCESSING, DONE, DEFERRED, DEAD;

    /** The value in the {@code state} column and the JSON API. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SpoolState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
