package org.supportgate.gateway.spool;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A message to commit to the spool: its queue id, envelope, our trace header and the raw bytes.
 */
public record SpoolEntry(String id, Envelope envelope, String traceHeader, byte[] raw, String sha256) {

    public static SpoolEntry of(String id, Envelope envelope, String traceHeader, byte[] raw) {
        return new SpoolEntry(id, envelope, traceHeader, raw, sha256Hex(raw));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
