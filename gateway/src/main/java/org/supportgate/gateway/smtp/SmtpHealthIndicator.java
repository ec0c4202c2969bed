package org.supportgate.gateway.smtp;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "smtp": up while the listener accepts connections. */
@Component("smtp")
class SmtpHealthIndicator implements HealthIndicator {

    private final SmtpListener listener;

    SmtpHealthIndicator(SmtpListener listener) {
        this.listener = listener;
    }

    @Override
    public Health health() {
        Health.Builder health = listener.isRunning() ? Health.up() : Health.down();
        return health.withDetail("port", listener.port()).build();
    }
}
