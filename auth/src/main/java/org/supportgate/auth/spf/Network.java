package org.supportgate.auth.spf;

import java.util.Arrays;

/** An address block: the first {@code prefix} bits of {@code address}. */
record Network(byte[] address, int prefix) {

    Network {
        address = address.clone();
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("prefix " + prefix);
        }
    }

    /** True if the client (already canonical: 4 or 16 bytes) is inside; families never mix. */
    boolean contains(byte[] client) {
        if (client.length != address.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (client[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (client[full] & mask) == (address[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && n.prefix == prefix && Arrays.equals(n.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefix;
    }

    @Override
    public String toString() {
        return IpLiteral.readable(address) + "/" + prefix;
    }
}
