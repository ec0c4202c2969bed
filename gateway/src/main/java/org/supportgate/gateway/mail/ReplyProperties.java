package org.supportgate.gateway.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.supportgate.ticketing.reply.ReplyLimits;

/** The automatic-reply budget (see config/application.yml for each one explained). */
@ConfigurationProperties("supportgate.replies")
public record ReplyProperties(
        @DefaultValue("1") int acksPerThread,
        @DefaultValue("5") int perAddress,
        @DefaultValue("1h") Duration addressWindow,
        @DefaultValue("10") int breakerThreshold,
        @DefaultValue("10m") Duration breakerWindow,
        @DefaultValue("24h") Duration breakerCooldown,
        @DefaultValue("1") int noticesPerAddress) {

    ReplyLimits limits() {
        return new ReplyLimits(acksPerThread, perAddress, addressWindow, breakerThreshold, breakerWindow, breakerCooldown,
                noticesPerAddress);
    }
}
