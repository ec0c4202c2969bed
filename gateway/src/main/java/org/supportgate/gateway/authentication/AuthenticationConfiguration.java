package org.supportgate.gateway.authentication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.supportgate.auth.MessageAuthenticator;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.dns.DnsjavaResolver;
import org.supportgate.auth.dns.ZoneFileResolver;
import org.supportgate.gateway.smtp.SmtpProperties;

@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationConfiguration.class);

    @Bean
    DnsResolver dnsResolver(DnsProperties properties) {
        if (properties.zoneFile() != null) {
            log.warn("DNS answers come from the zone file {}, not from DNS (supportgate.dns.zone-file)", properties.zoneFile());
            try {
                return ZoneFileResolver.fromFile(properties.zoneFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read supportgate.dns.zone-file " + properties.zoneFile(), e);
            }
        }
        return DnsjavaResolver.builder()
                .servers(properties.servers())
                .timeout(properties.timeout())
                .maxConcurrent(properties.maxConcurrent())
                .cacheSize(properties.cacheSize())
                .build();
    }

    @Bean
    MessageAuthenticator messageAuthenticator(DnsResolver dns, AuthProperties auth, SmtpProperties smtp) {
        String authservId = auth.authservId() == null || auth.authservId().isBlank() ? smtp.hostname() : auth.authservId();
        return new MessageAuthenticator(dns, Clock.systemUTC(), authservId, Set.copyOf(auth.trustedArcSealers()));
    }
}
