package org.supportgate.ticketing.reply;

import java.time.Instant;
import java.util.Optional;

/** What {@link ReplyBudget} remembers: automatic replies sent, inbound mail seen, open breakers. */
public interface ReplyHistory {

    int repliesInThread(long ticketId, String recipient, ReplyKind kind);

    int repliesToAddressSince(String recipient, Instant since);

    int inboundFromAddressSince(String sender, Instant since);

    Optional<Instant> breakerOpenUntil(String recipient);

    void tripBreaker(String recipient, Instant at, Instant until, String reason);

    void recordReply(String recipient, long ticketId, ReplyKind kind, Instant at);

    /** Refusal notices the address has had since then (they belong to no ticket). */
    int noticesToAddressSince(String recipient, Instant since);

    void recordNotice(String recipient, Instant at);
}
