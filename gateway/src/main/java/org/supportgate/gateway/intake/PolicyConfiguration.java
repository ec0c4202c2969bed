package org.supportgate.gateway.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.supportgate.auth.policy.AssurancePolicy;
import org.supportgate.auth.policy.ClassifierRules;
import org.supportgate.auth.policy.RequestClassifier;

/** The request classifier and the assurance policy, from one policy file read once at start. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);
    private static final String BUILT_IN = "/supportgate/policy.yml";

    record PolicyText(String yaml, String origin) {}

    @Bean
    PolicyText policyText(PolicyProperties properties) {
        try {
            if (Files.isRegularFile(properties.file())) {
                return new PolicyText(Files.readString(properties.file(), StandardCharsets.UTF_8), properties.file().toString());
            }
            log.info("No policy file at {}; using the built-in policy", properties.file());
            try (InputStream in = PolicyConfiguration.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("no policy file at " + properties.file() + " and no built-in policy");
                }
                return new PolicyText(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in policy.yml");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read supportgate.policy.file " + properties.file(), e);
        }
    }

    @Bean
    RequestClassifier requestClassifier(PolicyText policy) {
        return new RequestClassifier(ClassifierRules.parse(policy.yaml(), policy.origin()));
    }

    @Bean
    AssurancePolicy assurancePolicy(PolicyText policy) {
        return AssurancePolicy.parse(policy.yaml());
    }
}
