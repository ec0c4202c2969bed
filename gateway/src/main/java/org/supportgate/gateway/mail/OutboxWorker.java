package org.supportgate.gateway.mail;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.supportgate.ticketing.outbox.Outbox;
import org.supportgate.ticketing.outbox.OutboxClaim;

/**
 * Virtual threads that claim due outbox rows and send them through the relay. Each claim counts
 * as an attempt; a 4xx or a connection failure puts the row back with exponential backoff, a 5xx
 * marks it failed with the relay's reply, and after {@code max-attempts} a row that keeps being
 * deferred is failed too, with its last error. A row recorded as sent is never claimed again.
 */
public class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    /** How long stop() waits for a send in progress before interrupting it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Outbox outbox;
    private final RelayClient relay;
    private final OutboxProperties properties;
    private final String instance;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(1);

    OutboxWorker(Outbox outbox, RelayClient relay, OutboxProperties properties) {
        this.outbox = outbox;
        this.relay = relay;
        this.properties = properties;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        stopping = new CountDownLatch(1);
        running = true;
        if (!properties.enabled()) {
            log.info("Outbox worker disabled (supportgate.outbox.enabled=false)");
            return;
        }
        for (int i = 0; i < properties.workers(); i++) {
            String name = instance + "#" + i;
            threads.add(Thread.ofVirtual().name("outbox-" + i).start(() -> loop(name)));
        }
    }

    private void loop(String worker) {
        while (running) {
            try {
                List<OutboxClaim> claimed = outbox.claim(properties.batchSize(), worker, properties.lease());
                for (OutboxClaim claim : claimed) {
                    if (running) {
                        send(claim);
                    } else {
                        // Stopping: hand the rest back now rather than when the lease ends.
                        outbox.defer(claim, Instant.now(), "released unsent: the worker was stopping");
                    }
                }
                if (claimed.isEmpty()) {
                    stopping.await(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database is unreachable; claimed rows come back when their lease ends.
                log.warn("Outbox worker {} cannot reach the outbox: {}", worker, e.toString());
                pause();
            }
        }
    }

    void send(OutboxClaim claim) {
        // Half the lease: a relay that answers each command just inside its timeout must not hold
        // the send past the lease, or another worker would send the row again.
        SendOutcome outcome = relay.send(claim.envelopeFrom(), claim.envelopeTo(), claim.raw(), properties.lease().dividedBy(2));
        boolean kept = switch (outcome) {
            case SendOutcome.Delivered d -> {
                log.info("Outbox {} <{}> to {} sent: {}", claim.id(), claim.messageId(), claim.envelopeTo(), d.reply());
                yield outbox.markSent(claim, d.reply());
            }
            case SendOutcome.Rejected r -> {
                log.warn("Outbox {} <{}> to {} refused for good: {}", claim.id(), claim.messageId(), claim.envelopeTo(), r.reply());
                yield outbox.fail(claim, r.reply());
            }
            case SendOutcome.Deferred d when claim.attempts() >= properties.maxAttempts() -> {
                log.warn("Outbox {} <{}> failed after {} attempts: {}", claim.id(), claim.messageId(), claim.attempts(), d.reason());
                yield outbox.fail(claim, "gave up after " + claim.attempts() + " attempts; last error: " + d.reason());
            }
            case SendOutcome.Deferred d -> {
                Duration delay = backoff(claim.attempts());
                log.info("Outbox {} <{}> deferred for {}: {}", claim.id(), claim.messageId(), delay, d.reason());
                yield outbox.defer(claim, Instant.now().plus(delay), d.reason());
            }
        };
        if (!kept) {
            log.warn("Outbox {}: the claim expired and was taken over while sending; this result was not recorded", claim.id());
        }
    }

    /** Initial backoff, doubled per attempt, capped. */
    Duration backoff(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration delay = properties.initialBackoff().multipliedBy(1L << doublings);
        return delay.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : delay;
    }

    private void pause() {
        try {
            stopping.await(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Lets each worker finish the message in hand and record its outcome, then stop. Interrupting
     * a worker inside a claim or an update would break its connection after the database may have
     * committed, leaving rows claimed by nobody until their lease ends; so that is the last resort.
     */
    @Override
    public void stop() {
        running = false;
        stopping.countDown();
        for (Thread thread : threads) {
            try {
                if (!thread.join(STOP_GRACE)) {
                    thread.interrupt();
                    thread.join(Duration.ofSeconds(5));
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
}
