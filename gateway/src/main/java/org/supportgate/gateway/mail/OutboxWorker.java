package org.supportgate.gateway.mail;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

    private final Outbox outbox;
    private final RelayClient relay;
    private final OutboxProperties properties;
    private final String instance;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    OutboxWorker(Outbox outbox, RelayClient relay, OutboxProperties properties) {
        this.outbox = outbox;
        this.relay = relay;
        this.properties = properties;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
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
                    send(claim);
                }
                if (claimed.isEmpty()) {
                    Thread.sleep(properties.pollInterval().toMillis());
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
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
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
