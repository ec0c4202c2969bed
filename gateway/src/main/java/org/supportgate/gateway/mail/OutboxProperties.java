package org.supportgate.gateway.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox worker's settings (see config/application.yml for each one explained).
 *
 * @param lease a claim not finished within this is taken over; must exceed the relay's timeouts
 */
@ConfigurationProperties("supportgate.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int workers,
        @DefaultValue("8") int batchSize,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1m") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff) {}
