package org.supportgate.ticketing.ticket;

import java.util.Locale;

/** Where a ticket stands. */
public enum TicketStatus {
    NEW, OPEN, PENDING, SOLVED, CLOSED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
