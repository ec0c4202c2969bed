package org.supportgate.gateway.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web console as partners see it (see config/application.yml).
 *
 * @param publicUrl the console's address as partners reach it; refusal notices send them there
 */
@ConfigurationProperties("supportgate.console")
public record ConsoleProperties(@DefaultValue("http://localhost:8080/") String publicUrl) {}
