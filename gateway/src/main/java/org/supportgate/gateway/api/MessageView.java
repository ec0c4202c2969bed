package org.supportgate.gateway.api;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import org.supportgate.gateway.authentication.AuthenticationView;
import org.supportgate.gateway.intake.MessageSummary;
import org.supportgate.gateway.spool.Envelope;

/** {@code GET /api/messages/{id}}: one spooled message and what the intake made of it. */
record MessageView(
        String id,
        String state,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant processedAt,
        Envelope envelope,
        int size,
        String sha256,
        MessageSummary summary,
        AuthenticationView authentication,
        JsonNode verdict) {}
