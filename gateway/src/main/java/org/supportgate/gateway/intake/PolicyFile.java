package org.supportgate.gateway.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.supportgate.auth.policy.AssurancePolicy;
import org.supportgate.auth.policy.ClassifierRules;
import org.supportgate.auth.policy.RequestClassifier;

/**
 * The policy file (config/policy.yml): classifier rules and the assurance each category needs. If
 * the configured file does not exist, the copy built into the jar is used.
 */
public record PolicyFile(String yaml, String origin) {

    private static final String BUILT_IN = "/supportgate/policy.yml";

    public static PolicyFile load(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return new PolicyFile(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            }
            try (InputStream in = PolicyFile.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("no policy file at " + file + " and no built-in policy");
                }
                return new PolicyFile(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in policy.yml");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy file " + file, e);
        }
    }

    public RequestClassifier classifier() {
        return new RequestClassifier(ClassifierRules.parse(yaml, origin));
    }

    public AssurancePolicy assurancePolicy() {
        return AssurancePolicy.parse(yaml);
    }
}
