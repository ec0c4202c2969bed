package org.supportgate.ticketing.ticket;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An attachment as the intake decoded it.
 *
 * @param name the file name as declared (decoded), or a generated one when none was declared
 * @param contentType the declared media type, without parameters
 * @param content the decoded bytes
 */
public record AttachmentData(String name, String contentType, byte[] content) {

    public AttachmentData {
        name = name == null || name.isBlank() ? "attachment" : name.strip();
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
