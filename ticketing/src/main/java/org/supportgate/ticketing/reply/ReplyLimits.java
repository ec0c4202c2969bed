package org.supportgate.ticketing.reply;

import java.time.Duration;

/**
 * The automatic-reply budget.
 *
 * @param acksPerThread acknowledgements one thread gets, per recipient
 * @param perAddress automatic replies one address gets per {@code addressWindow}
 * @param breakerThreshold inbound messages from one address within {@code breakerWindow} that trip
 *     the ping-pong breaker
 * @param breakerCooldown how long a tripped breaker holds replies to that address back
 * @param noticesPerAddress refusal notices one address gets per {@code addressWindow}: the notice
 *     says the same thing every time, so a burst of refused requests earns one
 */
public record ReplyLimits(int acksPerThread, int perAddress, Duration addressWindow, int breakerThreshold,
        Duration breakerWindow, Duration breakerCooldown, int noticesPerAddress) {

    public static ReplyLimits defaults() {
        return new ReplyLimits(1, 5, Duration.ofHours(1), 10, Duration.ofMinutes(10), Duration.ofHours(24), 1);
    }
}
