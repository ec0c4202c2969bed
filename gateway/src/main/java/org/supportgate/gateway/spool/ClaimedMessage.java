package org.supportgate.gateway.spool;

import java.util.UUID;

/**
 * A spool row an intake worker holds a lease on. Only the holder of {@code claimToken} can move
 * the row on; if the lease runs out, another worker may claim it and this token becomes stale.
 *
 * @param attempts how many times the row has been claimed, this claim included
 */
public record ClaimedMessage(String id, UUID claimToken, int attempts, String lastError) {}
