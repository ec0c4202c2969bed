package org.supportgate.auth.trust;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A network mail came from, as the sending history keeps it: the /24 of an IPv4 address or the
 * /48 of an IPv6 address. Coarser than one address because providers send a contact's mail from
 * many hosts of one block; finer than an AS because a block is what an attacker's relay changes.
 *
 * @param base the network address, host bits zero
 * @param prefixLength 24 for IPv4, 48 for IPv6
 */
public record SourceNetwork(InetAddress base, int prefixLength) {

    public SourceNetwork {
        Objects.requireNonNull(base, "base");
        int expected = base instanceof Inet4Address ? 24 : 48;
        if (prefixLength != expected) {
            throw new IllegalArgumentException("history networks are /24 (IPv4) or /48 (IPv6), not /" + prefixLength);
        }
        base = masked(base, prefixLength);
    }

    /** The network the history records for a client address. */
    public static SourceNetwork of(InetAddress address) {
        return new SourceNetwork(address, address instanceof Inet4Address ? 24 : 48);
    }

    @Override
    public String toString() {
        return base.getHostAddress() + "/" + prefixLength;
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 byte address is always valid", e);
        }
    }
}
