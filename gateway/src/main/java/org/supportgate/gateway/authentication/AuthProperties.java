package org.supportgate.gateway.authentication;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param authservId our name in Authentication-Results; empty means the SMTP host name
 * @param trustedArcSealers sealer domains whose ARC-Authentication-Results we believe for forwarded mail
 */
@ConfigurationProperties("supportgate.auth")
public record AuthProperties(String authservId, @DefaultValue List<String> trustedArcSealers) {}
