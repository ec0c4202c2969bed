package org.supportgate.gateway.authentication;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param servers resolvers as host or host:port; empty means the system's resolvers
 * @param zoneFile answer from this master file instead of DNS (offline analysis and tests only)
 */
@ConfigurationProperties("supportgate.dns")
public record DnsProperties(
        @DefaultValue List<String> servers,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("64") int maxConcurrent,
        @DefaultValue("10000") int cacheSize,
        Path zoneFile) {}
