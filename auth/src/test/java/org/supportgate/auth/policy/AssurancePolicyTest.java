package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.trust.Assurance;

class AssurancePolicyTest {

    @Test
    void defaultsFollowTheDesign() {
        AssurancePolicy policy = AssurancePolicy.defaults();
        assertThat(policy.required(Category.MAIL_ROUTING)).isEqualTo(Assurance.SUPPORT_CODE);
        assertThat(policy.required(Category.ACCOUNT_ACCESS)).isEqualTo(Assurance.SUPPORT_CODE);
        assertThat(policy.required(Category.SENDER_LISTS)).isEqualTo(Assurance.SIGNED);
        assertThat(policy.required(Set.of())).isEqualTo(Assurance.NONE);
        assertThat(policy.required(Set.of(Category.SENDER_LISTS, Category.MAIL_ROUTING))).isEqualTo(Assurance.SUPPORT_CODE);
    }

    @Test
    void readsTheShippedPolicyFile() throws Exception {
        String yaml = Files.readString(java.nio.file.Path.of("..", "config", "policy.yml"));
        AssurancePolicy policy = AssurancePolicy.parse(yaml);
        assertThat(policy.required(Category.MAIL_REPORTS)).isEqualTo(Assurance.SIGNED);
        assertThat(policy.required(Category.MAIL_ROUTING)).isEqualTo(Assurance.SUPPORT_CODE);
    }

    @Test
    void overridesOneCategoryAndKeepsTheOthers() {
        AssurancePolicy policy = AssurancePolicy.parse("required_assurance:\n  mail_reports: email\n");
        assertThat(policy.required(Category.MAIL_REPORTS)).isEqualTo(Assurance.EMAIL);
        assertThat(policy.required(Category.ACCOUNT_ACCESS)).isEqualTo(Assurance.SUPPORT_CODE);
    }

    @Test
    void refusesUnknownCategoriesAndLevelsByName() {
        assertThatThrownBy(() -> AssurancePolicy.parse("required_assurance:\n  teleport: email\n"))
                .hasMessageContaining("unknown category teleport");
        assertThatThrownBy(() -> AssurancePolicy.parse("required_assurance:\n  mail_reports: platinum\n"))
                .hasMessageContaining("required_assurance.mail_reports: unknown level platinum");
        assertThatThrownBy(() -> AssurancePolicy.parse("{{{")).hasMessageContaining("not valid YAML");
    }
}
