package org.supportgate.auth.trust;

import java.util.Objects;

/**
 * The S/MIME verdict on the message, from the gateway's verifier.
 *
 * @param status what the verifier found
 * @param signerSubject the signer certificate's subject, "" when unsigned
 * @param signerFingerprint the signer certificate's SHA-256 fingerprint, "" when unsigned
 */
public record SmimeFacts(Status status, String signerSubject, String signerFingerprint) {

    public enum Status {
        /** No S/MIME signature. */
        UNSIGNED,
        /** A signature that did not verify. */
        INVALID,
        /** A valid signature by a certificate that is not the one pinned for the From contact. */
        VALID_NOT_PINNED,
        /** A valid signature by the certificate pinned for the From contact. */
        VALID_PINNED
    }

    public SmimeFacts {
        Objects.requireNonNull(status, "status");
        signerSubject = signerSubject == null ? "" : signerSubject;
        signerFingerprint = signerFingerprint == null ? "" : signerFingerprint;
    }

    public static SmimeFacts unsigned() {
        return new SmimeFacts(Status.UNSIGNED, "", "");
    }
}
