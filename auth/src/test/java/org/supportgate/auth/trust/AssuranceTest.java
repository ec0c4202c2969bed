package org.supportgate.auth.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssuranceTest {

    @Test
    void ordersLevelsFromNoneToConsole() {
        assertThat(Assurance.values()).containsExactly(
                Assurance.NONE, Assurance.EMAIL, Assurance.SIGNED, Assurance.SUPPORT_CODE, Assurance.CONSOLE);
    }

    @Test
    void meetsItsOwnAndEveryLowerLevel() {
        assertThat(Assurance.SIGNED.meets(Assurance.SIGNED)).isTrue();
        assertThat(Assurance.SIGNED.meets(Assurance.EMAIL)).isTrue();
        assertThat(Assurance.SIGNED.meets(Assurance.SUPPORT_CODE)).isFalse();
        assertThat(Assurance.NONE.meets(Assurance.EMAIL)).isFalse();
        assertThat(Assurance.CONSOLE.meets(Assurance.SUPPORT_CODE)).isTrue();
    }
}
