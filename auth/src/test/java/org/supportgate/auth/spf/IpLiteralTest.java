package org.supportgate.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest
    @CsvSource({
            "2001:db8::1, 2001:db8::1",
            "::, ::",
            "::1, ::1",
            "1::, 1::",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "CAFE:BABE::192.168.218.40, cafe:babe::c0a8:da28",
    })
    void printsIpv6AsRfc5952(String literal, String readable) {
        assertThat(IpLiteral.readable(IpLiteral.parse6(literal).orElseThrow())).isEqualTo(readable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", ":CAFE::BABE", "12345::",
            "g::1", "1:2:3:4:5:6:7", "::1.2.3", "::1.2.3.4.5", "1.2.3.4", "::01.2.3.4"})
    void refusesBadIpv6(String literal) {
        assertThat(IpLiteral.parse6(literal)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1.2.3.-4", "1..2.3", "a.b.c.d"})
    void refusesBadIpv4(String literal) {
        assertThat(IpLiteral.parse4(literal)).isEmpty();
    }
}
