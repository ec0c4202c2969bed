package org.supportgate.gateway.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.supportgate.auth.policy.AssurancePolicy;
import org.supportgate.auth.policy.RequestClassifier;

/** The request classifier and the assurance policy, from one policy file read once at start. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    PolicyFile policyFile(PolicyProperties properties) {
        PolicyFile policy = PolicyFile.load(properties.file());
        log.info("Request policy from {}", policy.origin());
        return policy;
    }

    @Bean
    RequestClassifier requestClassifier(PolicyFile policy) {
        return policy.classifier();
    }

    @Bean
    AssurancePolicy assurancePolicy(PolicyFile policy) {
        return policy.assurancePolicy();
    }
}
