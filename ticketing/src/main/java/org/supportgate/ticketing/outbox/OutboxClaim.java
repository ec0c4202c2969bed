package org.supportgate.ticketing.outbox;

import java.util.UUID;

/**
 * An outbox row a worker holds a lease on, with what it needs to send it. Only the holder of
 * {@code claimToken} can move the row on.
 *
 * @param attempts claims of this row so far, this one included
 */
public record OutboxClaim(long id, UUID claimToken, int attempts, String messageId, String envelopeFrom,
        String envelopeTo, byte[] raw) {

    public OutboxClaim {
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }
}
