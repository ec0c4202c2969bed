package org.supportgate.auth.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class SourceNetworkTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Test
    void keepsTheSlash24OfAnIpv4Address() {
        assertThat(SourceNetwork.of(ip("198.51.100.201"))).hasToString("198.51.100.0/24");
        assertThat(SourceNetwork.of(ip("198.51.100.1"))).isEqualTo(SourceNetwork.of(ip("198.51.100.254")));
    }

    @Test
    void keepsTheSlash48OfAnIpv6Address() {
        assertThat(SourceNetwork.of(ip("2001:db8:aa:bb::1")))
                .isEqualTo(new SourceNetwork(ip("2001:db8:aa::"), 48));
    }

    @Test
    void treatsAnIpv4MappedAddressAsIpv4() {
        assertThat(SourceNetwork.of(ip("::ffff:192.0.2.9"))).hasToString("192.0.2.0/24");
    }

    @Test
    void refusesOtherPrefixLengths() {
        assertThatThrownBy(() -> new SourceNetwork(ip("192.0.2.0"), 16))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
