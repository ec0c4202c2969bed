package org.supportgate.auth.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Address literals as SPF writes them, parsed by hand so that a record can never make us resolve
 * a name, and printed the way the macros need them.
 */
final class IpLiteral {

    private IpLiteral() {}

    /** Strict dotted quad of RFC 7208's ip4-network: four parts, no leading zeros. */
    static Optional<byte[]> parse4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    /** RFC 4291 text form, with "::" and an optional dotted-quad tail. */
    static Optional<byte[]> parse6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        Optional<byte[]> headGroups = groups(head, gap < 0);
        Optional<byte[]> tailGroups = groups(tail, true);
        if (headGroups.isEmpty() || tailGroups.isEmpty()) {
            return Optional.empty();
        }
        byte[] headBytes = headGroups.get();
        byte[] tailBytes = tailGroups.get();
        int total = headBytes.length + tailBytes.length;
        if (gap < 0 ? total != 16 : total > 14) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(tailBytes, 0, bytes, 16 - tailBytes.length, tailBytes.length);
        return Optional.of(bytes);
    }

    /** Colon-separated hex groups; the last may be a dotted quad if {@code ipv4Tail}. */
    private static Optional<byte[]> groups(String text, boolean ipv4Tail) {
        if (text.isEmpty()) {
            return Optional.of(new byte[0]);
        }
        String[] parts = text.split(":", -1);
        if (parts.length > 8) {
            return Optional.empty();
        }
        byte[] out = new byte[parts.length * 2 + 2];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && ipv4Tail && p.indexOf('.') >= 0) {
                Optional<byte[]> v4 = parse4(p);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                System.arraycopy(v4.get(), 0, out, n, 4);
                n += 4;
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(IpLiteral::isHex)) {
                return Optional.empty();
            }
            int value = Integer.parseInt(p, 16);
            out[n++] = (byte) (value >> 8);
            out[n++] = (byte) value;
        }
        return Optional.of(java.util.Arrays.copyOf(out, n));
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * The address SPF evaluates: 4 bytes for IPv4 and for IPv4-mapped IPv6 (RFC 7208 section 5,
     * which treats a mapped address as the IPv4 address it carries), 16 bytes otherwise.
     */
    static byte[] canonical(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && isMapped(b)) {
            byte[] v4 = new byte[4];
            System.arraycopy(b, 12, v4, 0, 4);
            return v4;
        }
        return b;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    static InetAddress toInet(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("address of " + bytes.length + " bytes", e);
        }
    }

    static boolean isV4(byte[] bytes) {
        return bytes.length == 4;
    }

    /** %{c}: dotted quad, or RFC 5952 compressed lower-case IPv6. */
    static String readable(byte[] bytes) {
        if (isV4(bytes)) {
            return dotted(bytes);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** %{i}: dotted quad, or IPv6 as 32 dot-separated upper-case nibbles (RFC 7208 section 7.3). */
    static String dotForm(byte[] bytes) {
        if (isV4(bytes)) {
            return dotted(bytes);
        }
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16))).append('.')
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        return out.toString();
    }

    private static String dotted(byte[] bytes) {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "."
                + (bytes[3] & 0xff);
    }

    static boolean isInet4(InetAddress address) {
        return address instanceof Inet4Address;
    }
}
