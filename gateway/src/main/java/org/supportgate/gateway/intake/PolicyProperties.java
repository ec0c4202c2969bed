package org.supportgate.gateway.intake;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param file the classifier rules and required assurance levels (config/policy.yml) */
@ConfigurationProperties("supportgate.policy")
public record PolicyProperties(@DefaultValue("./config/policy.yml") Path file) {}
