package org.supportgate.auth.dkim;

import java.util.Optional;

/**
 * The signing algorithms this verifier accepts. rsa-sha1 is deliberately absent: RFC 8301 says
 * verifiers must not treat it as valid.
 */
public enum DkimAlgorithm {
    RSA_SHA256("rsa-sha256", "rsa"),
    ED25519_SHA256("ed25519-sha256", "ed25519");

    private final String tagValue;
    private final String keyType;

    DkimAlgorithm(String tagValue, String keyType) {
        this.tagValue = tagValue;
        this.keyType = keyType;
    }

    /** The a= value. Matching is case-sensitive; RFC 6376 writes them in lower case. */
    public static Optional<DkimAlgorithm> named(String tagValue) {
        for (DkimAlgorithm a : values()) {
            if (a.tagValue.equals(tagValue)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public String tagValue() {
        return tagValue;
    }

    /** The k= value of a key record that may be used with this algorithm. */
    public String keyType() {
        return keyType;
    }
}
