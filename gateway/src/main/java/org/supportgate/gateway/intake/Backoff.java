package org.supportgate.gateway.intake;

import java.time.Duration;

/** Exponential backoff between attempts: initial, doubled per attempt, capped. */
record Backoff(Duration initial, Duration max) {

    Duration after(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
