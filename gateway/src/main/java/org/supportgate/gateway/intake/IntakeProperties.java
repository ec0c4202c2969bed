package org.supportgate.gateway.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The intake worker's settings (see config/application.yml for each one explained).
 */
@ConfigurationProperties("supportgate.intake")
public record IntakeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int workers,
        @DefaultValue("8") int batchSize,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue Limits limits) {

    /**
     * Parsing limits: generous for real mail, finite for hostile mail.
     */
    public record Limits(
            @DefaultValue("1000") int maxHeaderCount,
            @DefaultValue("64KB") DataSize maxHeaderLength,
            @DefaultValue("20") int maxMimeDepth,
            @DefaultValue("500") int maxParts,
            @DefaultValue("1MB") DataSize maxTextBody) {}
}
