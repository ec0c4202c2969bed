package org.supportgate.auth.trust;

import java.time.Duration;
import java.util.Objects;

/**
 * Sensitive requests already received in the recent window, not counting this message.
 *
 * @param sensitiveFromContact from the From contact
 * @param sensitiveFromPartner from any contact of the contact's partner
 * @param window how far back the counts go (an hour by default)
 */
public record RecentActivity(int sensitiveFromContact, int sensitiveFromPartner, Duration window) {

    public RecentActivity {
        if (sensitiveFromContact < 0 || sensitiveFromPartner < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        Objects.requireNonNull(window, "window");
    }

    public static RecentActivity none() {
        return new RecentActivity(0, 0, Duration.ofHours(1));
    }
}
