package org.supportgate.gateway.spool;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Group commit of accepted messages.
 *
 * @param writers threads that commit groups; while one waits for its fsync the next gathers
 * @param maxGroupMessages most messages in one commit
 * @param maxGroupSize most bytes in one commit
 * @param commitTimeout how long a session waits for its commit before answering 451
 */
@ConfigurationProperties("supportgate.spool")
public record SpoolProperties(
        @DefaultValue("2") int writers,
        @DefaultValue("64") int maxGroupMessages,
        @DefaultValue("32MB") DataSize maxGroupSize,
        @DefaultValue("30s") Duration commitTimeout) {}
