package org.supportgate.auth.smime;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on a message's S/MIME signature.
 *
 * <p>The signer's email and fingerprint are reported whenever the signer's certificate was found,
 * also for INVALID and EXPIRED, so that staff can see who claimed to sign; they prove something
 * only with {@link SmimeStatus#VALID_PINNED}.
 *
 * @param status                  the verdict
 * @param signerEmail             the first rfc822Name in subjectAltName, else the subject's emailAddress
 * @param signerFingerprintSha256 SHA-256 of the signer certificate's DER encoding, lower-case hex
 * @param reason                  one line for the evidence panel and the logs
 * @param signedContent           the MIME entity the signature covers (its header fields and body,
 *                                CRLF line ends); present only when the signature verified
 *                                (VALID_PINNED, VALID_NOT_PINNED), so that nothing reads text the
 *                                signature does not vouch for. The array is the caller's to keep.
 */
public record SmimeResult(SmimeStatus status, Optional<String> signerEmail, Optional<String> signerFingerprintSha256,
        String reason, Optional<byte[]> signedContent) {

    public SmimeResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(signerEmail, "signerEmail");
        Objects.requireNonNull(signerFingerprintSha256, "signerFingerprintSha256");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(signedContent, "signedContent");
        if (signedContent.isPresent() && status != SmimeStatus.VALID_PINNED && status != SmimeStatus.VALID_NOT_PINNED) {
            throw new IllegalArgumentException("signed content is only reported for a valid signature");
        }
    }

    static SmimeResult none(String reason) {
        return new SmimeResult(SmimeStatus.NONE, Optional.empty(), Optional.empty(), reason, Optional.empty());
    }

    static SmimeResult malformed(String reason) {
        return new SmimeResult(SmimeStatus.MALFORMED, Optional.empty(), Optional.empty(), reason, Optional.empty());
    }

    /** Whether this is the evidence assurance level SIGNED needs. */
    public boolean isValidPinned() {
        return status == SmimeStatus.VALID_PINNED;
    }
}
