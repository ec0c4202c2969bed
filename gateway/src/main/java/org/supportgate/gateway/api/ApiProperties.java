package org.supportgate.gateway.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token the bearer token for /api; empty means "generate one at first start and store it"
 */
@ConfigurationProperties("supportgate.api")
public record ApiProperties(String token) {}
