package org.supportgate.gateway.spool;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes intake workers when this daemon commits new spool rows, so a message is picked up at once
 * instead of at the next poll. Rows committed by other daemons are found by polling.
 */
@Component
public final class SpoolSignal {

    private final Semaphore permits = new Semaphore(0);

    void signal() {
        if (permits.availablePermits() < 64) {
            permits.release();
        }
    }

    /** Waits for new rows or the timeout, whichever comes first. */
    public void await(Duration timeout) throws InterruptedException {
        if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }
}
