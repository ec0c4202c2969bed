package org.supportgate.auth.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

    @ParameterizedTest
    @CsvSource({
        "acme,   acme,    0",
        "acme,   acne,    1",
        "acme,   amce,    1",
        "acme,   acm,     1",
        "acme,   acmee,   1",
        "globex, glboex,  1",
        "globex, gl0bx,   2",
        "acme,   zeta,    4",
        "'',     abc,     3",
    })
    void countsInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int expected) {
        assertThat(EditDistance.between(a, b, 5)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "acme, zeta, 1",
        "a,    abcdefgh, 2",
    })
    void stopsOnceTheLimitIsExceeded(String a, String b, int limit) {
        assertThat(EditDistance.between(a, b, limit)).isEqualTo(limit + 1);
    }
}
