package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.SharedCorpus;

class ClassifierRulesTest {

    @Test
    void refusesPatternThatRe2CannotCompileNamingItsKey() throws IOException {
        String yaml = Files.readString(SharedCorpus.config("policy.yml"))
                .replace("- 're:\\bsmart ?hosts?\\b'", "- 're:(smart)\\1'");

        assertThatThrownBy(() -> ClassifierRules.parse(yaml, "policy.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("categories.mail_routing");
    }

    @Test
    void refusesMissingKeyNamingIt() {
        assertThatThrownBy(() -> ClassifierRules.parse("limits: {max_chars: 10}\n", "policy.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy.yml")
                .hasMessageContaining("missing key 'scoring'");
    }
}
