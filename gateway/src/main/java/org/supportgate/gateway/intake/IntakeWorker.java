package org.supportgate.gateway.intake;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.supportgate.gateway.spool.ClaimedMessage;
import org.supportgate.gateway.spool.SpoolSignal;
import org.supportgate.gateway.spool.SpoolStore;

/**
 * Worker threads that claim due spool rows and run the {@link Intake} on each. A claim is a lease:
 * if this daemon dies, its rows become due again when the lease ends, and every claim counts as an
 * attempt, so a message that kills the worker ends {@code dead} instead of looping.
 */
@Component
public class IntakeWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntakeWorker.class);

    private final SpoolStore spool;
    private final Intake intake;
    private final IntakeProperties properties;
    private final SpoolSignal signal;
    private final Backoff backoff;
    private final String instance;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public IntakeWorker(SpoolStore spool, Intake intake, IntakeProperties properties, SpoolSignal signal) {
        this.spool = spool;
        this.intake = intake;
        this.properties = properties;
        this.signal = signal;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        running = true;
        if (!properties.enabled()) {
            log.info("Intake worker disabled (supportgate.intake.enabled=false)");
            return;
        }
        for (int i = 0; i < properties.workers(); i++) {
            String name = instance + "#" + i;
            threads.add(Thread.ofVirtual().name("intake-" + i).start(() -> loop(name)));
        }
    }

    private void loop(String worker) {
        while (running) {
            try {
                List<ClaimedMessage> claimed = spool.claim(properties.batchSize(), worker, properties.lease());
                for (ClaimedMessage claim : claimed) {
                    handle(claim, worker);
                }
                if (claimed.isEmpty()) {
                    signal.await(properties.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database is unreachable or failing; claimed rows come back when their lease ends.
                log.warn("Intake worker {} cannot reach the spool: {}", worker, e.toString());
                sleepQuietly();
            }
        }
    }

    private void handle(ClaimedMessage claim, String worker) {
        if (claim.attempts() > properties.maxAttempts()) {
            String reason = "gave up after " + (claim.attempts() - 1) + " attempts"
                    + (claim.lastError() == null ? " (a worker stopped while processing it)" : "; last error: " + claim.lastError());
            spool.kill(claim, reason);
            log.warn("Message {} is dead: {}", claim.id(), reason);
            return;
        }
        try {
            switch (intake.process(claim, worker)) {
                case IntakeOutcome.Done done -> { }
                case IntakeOutcome.Deferred deferred -> retryLater(claim, deferred.reason());
                case IntakeOutcome.ClaimLost lost ->
                        log.info("Message {}: claim expired and was taken over; this result was not kept", claim.id());
            }
        } catch (RuntimeException e) {
            // A broken invariant: keep the message, record why, try again later, then give up visibly.
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Message {} attempt {} failed: {}", claim.id(), claim.attempts(), reason, e);
            retryLater(claim, reason);
        }
    }

    private void retryLater(ClaimedMessage claim, String reason) {
        if (claim.attempts() >= properties.maxAttempts()) {
            spool.kill(claim, "gave up after " + claim.attempts() + " attempts; last error: " + reason);
            log.warn("Message {} is dead after {} attempts: {}", claim.id(), claim.attempts(), reason);
        } else {
            spool.defer(claim, Instant.now().plus(backoff.after(claim.attempts())), reason);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Lets each worker finish the message in hand (an interrupt mid-JDBC would leave its claim to
     * run out its lease), then interrupts only those still busy after the wait.
     */
    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                if (!thread.join(java.time.Duration.ofSeconds(20))) {
                    thread.interrupt();
                    thread.join(java.time.Duration.ofSeconds(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** This daemon's name in {@code claimed_by} and {@code processed_by}. */
    public String instance() {
        return instance;
    }
}
