package org.supportgate.ticketing.outbox;

import java.util.Locale;

/** Where an outbox row stands: {@code queued → sending → sent | failed}; a deferral is queued again. */
public enum OutboxState {
    QUEUED, SENDING, SENT, FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutboxState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
