package org.supportgate.auth.dkim;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, the one hash DKIM still accepts (RFC 8301). */
final class Sha256 {

    private Sha256() {}

    static byte[] of(byte[] data) {
        return of(data, data.length);
    }

    /** The hash of the first {@code length} octets, without copying them out first. */
    static byte[] of(byte[] data, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
