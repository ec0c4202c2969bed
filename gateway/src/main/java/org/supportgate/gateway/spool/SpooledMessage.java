package org.supportgate.gateway.spool;

import java.time.Instant;

/**
 * A spool row as the API shows it (without the raw bytes).
 *
 * @param summaryJson the parsed summary the intake recorded, as JSON, or null before it ran
 * @param verdictJson what the intake decided, as JSON, or null before it ran
 */
public record SpooledMessage(
        String id,
        SpoolState state,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant processedAt,
        Envelope envelope,
        int size,
        String sha256,
        String summaryJson,
        String verdictJson) {}
