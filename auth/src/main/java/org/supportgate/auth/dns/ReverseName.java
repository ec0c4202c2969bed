package org.supportgate.auth.dns;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The reverse-lookup name of an address: {@code in-addr.arpa} or nibble-format {@code ip6.arpa}. */
public final class ReverseName {

    private ReverseName() {}

    public static String of(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringBuilder name = new StringBuilder();
        if (address instanceof Inet4Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(bytes[i] & 0xff).append('.');
            }
            return name.append("in-addr.arpa").toString();
        }
        for (int i = bytes.length - 1; i >= 0; i--) {
            int b = bytes[i] & 0xff;
            name.append(Character.forDigit(b & 0xf, 16)).append('.')
                    .append(Character.forDigit(b >> 4, 16)).append('.');
        }
        return name.append("ip6.arpa").toString();
    }
}
