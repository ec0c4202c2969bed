package org.supportgate.gateway.db;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used only when {@code spring.datasource.url} is not set.
 *
 * @param embeddedDir data directory; created on first start and kept across restarts
 * @param embeddedPort TCP port on loopback; 0 picks a free one at each start
 * @param staleServerStopTimeout how long to wait for a postmaster left running by a killed daemon
 */
@ConfigurationProperties("supportgate.db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./var/pgdata") Path embeddedDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("60s") Duration staleServerStopTimeout) {}
