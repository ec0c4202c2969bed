package org.supportgate.ticketing.ticket;

import java.util.Locale;

/** How urgently a ticket needs staff. */
public enum TicketPriority {
    NORMAL, HIGH, EMERGENCY;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
