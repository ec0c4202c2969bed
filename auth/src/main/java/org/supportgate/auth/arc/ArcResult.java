package org.supportgate.auth.arc;

import java.util.List;

/**
 * The outcome of validating a message's ARC chain.
 *
 * @param cv                       the chain validation status
 * @param instances                how many ARC sets the message carries (the highest i=), 0 for none
 * @param oldestSealer             d= of the ARC-Seal with i=1, or "" when it could not be read
 * @param newestSealer             d= of the ARC-Seal with the highest i=, or "" when it could not be read
 * @param reason                   why, for humans and the Authentication-Results comment
 * @param arcAuthenticationResults the payload of each ARC-Authentication-Results after its
 *                                 {@code i=n;}, for i=1 up, when the structure could be read
 * @param temporary                the FAIL came from a DNS temporary error: retry later rather
 *                                 than trust the verdict
 */
public record ArcResult(ArcChainValidation cv, int instances, String oldestSealer, String newestSealer,
        String reason, List<String> arcAuthenticationResults, boolean temporary) {

    public ArcResult {
        arcAuthenticationResults = List.copyOf(arcAuthenticationResults);
    }
}
