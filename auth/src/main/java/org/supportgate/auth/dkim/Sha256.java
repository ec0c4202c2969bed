package org.supportgate.auth.dkim;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, the one hash DKIM still accepts (RFC 8301). */
final class Sha256 {

    private Sha256() {}

    static byte[] of(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
