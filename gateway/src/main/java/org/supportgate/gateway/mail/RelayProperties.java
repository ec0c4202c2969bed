package org.supportgate.gateway.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP relay that carries our outgoing mail (see config/application.yml for each one explained).
 *
 * @param username AUTH user; AUTH is used only when this is set
 * @param connectTimeout how long to wait for the TCP connection and the greeting
 * @param timeout how long to wait for each reply; keep well under the outbox lease
 */
@ConfigurationProperties("supportgate.relay")
public record RelayProperties(
        @DefaultValue("localhost") String host,
        @DefaultValue("25") int port,
        @DefaultValue("optional") StartTls starttls,
        String username,
        String password,
        @DefaultValue("30s") Duration connectTimeout,
        @DefaultValue("60s") Duration timeout) {

    /** Whether we ask the relay for STARTTLS, and whether we go on without it. */
    public enum StartTls { NEVER, OPTIONAL, REQUIRED }

    public boolean authenticates() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        // Never print the password (these records end up in logs and actuator output).
        return "RelayProperties[host=" + host + ", port=" + port + ", starttls=" + starttls + ", username=" + username + "]";
    }
}
