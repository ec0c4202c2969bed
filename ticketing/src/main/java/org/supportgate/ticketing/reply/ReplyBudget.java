package org.supportgate.ticketing.reply;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-recipient budget of automatic replies, and the ping-pong breaker. The breaker trips when
 * an address sends us many messages in minutes, or answers one of our automatic replies with a
 * subject where our tag is stacked with another helpdesk's; while it is open, that address gets no
 * automatic reply (its messages still join their tickets).
 */
public final class ReplyBudget {

    private final ReplyHistory history;
    private final ReplyLimits limits;

    public ReplyBudget(ReplyHistory history, ReplyLimits limits) {
        this.history = history;
        this.limits = limits;
    }

    /**
     * Whether {@code recipient} may have an acknowledgement for {@code ticketId} now. Call after the
     * inbound message is stored (it counts towards the breaker). May trip the breaker.
     *
     * @param stackedTags the inbound subject has our tag and another helpdesk's
     */
    public ReplyDecision allowAcknowledgement(String recipient, long ticketId, boolean stackedTags, Instant now) {
        String address = recipient.toLowerCase(Locale.ROOT);
        Optional<Instant> openUntil = history.breakerOpenUntil(address);
        if (openUntil.isPresent() && openUntil.get().isAfter(now)) {
            return new ReplyDecision.NoReply(NoReplyReason.BREAKER_OPEN, "breaker open until " + openUntil.get());
        }
        Instant breakerStart = now.minus(limits.breakerWindow());
        int inbound = history.inboundFromAddressSince(address, breakerStart);
        if (inbound >= limits.breakerThreshold()) {
            return trip(address, now, inbound + " messages within " + limits.breakerWindow());
        }
        if (stackedTags && history.repliesToAddressSince(address, breakerStart) > 0) {
            return trip(address, now, "stacked helpdesk tags in an answer to our automatic reply");
        }
        if (history.repliesInThread(ticketId, address, ReplyKind.ACK) >= limits.acksPerThread()) {
            return new ReplyDecision.NoReply(NoReplyReason.THREAD_ALREADY_ACKNOWLEDGED, "ticket already acknowledged");
        }
        int recent = history.repliesToAddressSince(address, now.minus(limits.addressWindow()));
        if (recent >= limits.perAddress()) {
            return new ReplyDecision.NoReply(NoReplyReason.ADDRESS_CAP_REACHED,
                    recent + " automatic replies within " + limits.addressWindow());
        }
        return new ReplyDecision.Reply(address);
    }

    /**
     * Whether {@code recipient} may have a refusal notice now: not while its breaker is open, and
     * within both the per-address cap of every automatic reply and the smaller one of notices.
     */
    public ReplyDecision allowNotice(String recipient, Instant now) {
        String address = recipient.toLowerCase(Locale.ROOT);
        Optional<Instant> openUntil = history.breakerOpenUntil(address);
        if (openUntil.isPresent() && openUntil.get().isAfter(now)) {
            return new ReplyDecision.NoReply(NoReplyReason.BREAKER_OPEN, "breaker open until " + openUntil.get());
        }
        Instant windowStart = now.minus(limits.addressWindow());
        int notices = history.noticesToAddressSince(address, windowStart);
        if (notices >= limits.noticesPerAddress()) {
            return new ReplyDecision.NoReply(NoReplyReason.ADDRESS_CAP_REACHED,
                    notices + " refusal notices within " + limits.addressWindow());
        }
        int recent = history.repliesToAddressSince(address, windowStart);
        if (recent >= limits.perAddress()) {
            return new ReplyDecision.NoReply(NoReplyReason.ADDRESS_CAP_REACHED,
                    recent + " automatic replies within " + limits.addressWindow());
        }
        return new ReplyDecision.Reply(address);
    }

    /** Remembers a refusal notice written to the outbox. */
    public void recordNotice(String recipient, Instant at) {
        history.recordNotice(recipient.toLowerCase(Locale.ROOT), at);
    }

    /** Remembers an automatic reply written to the outbox. */
    public void record(String recipient, long ticketId, ReplyKind kind, Instant at) {
        history.recordReply(recipient.toLowerCase(Locale.ROOT), ticketId, kind, at);
    }

    private ReplyDecision trip(String address, Instant now, String reason) {
        history.tripBreaker(address, now, now.plus(limits.breakerCooldown()), reason);
        return new ReplyDecision.NoReply(NoReplyReason.BREAKER_OPEN, "breaker tripped: " + reason);
    }
}
