package org.supportgate.gateway.smtp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The SMTP listener's settings (see config/application.yml for each one explained).
 */
@ConfigurationProperties("supportgate.smtp")
public record SmtpProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2525") int port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("localhost") String hostname,
        @DefaultValue("support@localhost") List<String> mailboxes,
        @DefaultValue("25MB") DataSize maxMessageSize,
        @DefaultValue("50") int maxRecipients,
        @DefaultValue("500") int maxConnections,
        @DefaultValue("20") int maxConnectionsPerIp,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("10m") Duration dataDeadline,
        @DefaultValue Tls tls) {

    /**
     * STARTTLS: offered when both PEM files are set.
     *
     * @param required refuse MAIL before STARTTLS with 530 5.7.0
     */
    public record Tls(Path certificate, Path privateKey, @DefaultValue("false") boolean required) {

        public boolean configured() {
            return certificate != null && privateKey != null;
        }
    }
}
