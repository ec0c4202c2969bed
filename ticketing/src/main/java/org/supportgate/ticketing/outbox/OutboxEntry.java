package org.supportgate.ticketing.outbox;

import java.time.Instant;

/** An outbox row as staff and the API see it (without the message bytes). */
public record OutboxEntry(long id, Long ticketId, String kind, OutboxState state, String messageId, String envelopeTo,
        int attempts, Instant nextAttemptAt, String lastError, String relayReply, Instant createdAt, Instant sentAt) {}
