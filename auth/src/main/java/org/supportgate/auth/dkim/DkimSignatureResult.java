package org.supportgate.auth.dkim;

import java.util.List;

/**
 * The verdict on one DKIM-Signature and what it claimed, for Authentication-Results and evidence.
 * Tags the signature lacked, or that could not be read, are empty strings.
 *
 * @param result            the verdict
 * @param domain            d=, the signing domain
 * @param selector          s=
 * @param identity          i= (the AUID), or "@" + d= when absent
 * @param algorithm         a= as written
 * @param headerB           the shortest prefix of b= (at least 8 characters) that tells this
 *                          signature apart from the others on the message: {@code header.b}
 * @param bodyPartlyCovered l= was given and the body goes on past the signed length
 * @param testing           the key record says t=y: the domain is testing DKIM
 * @param signedHeaders     h= as a list of field names
 * @param reason            why the verdict is what it is, for humans
 */
public record DkimSignatureResult(DkimResult result, String domain, String selector, String identity,
        String algorithm, String headerB, boolean bodyPartlyCovered, boolean testing,
        List<String> signedHeaders, String reason) {

    public DkimSignatureResult {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /**
     * True when this signature may be used for DMARC alignment. Only a PASS counts; a signature
     * that verified on a message RFC 6376 section 8.15 warns about is reported as POLICY, so a
     * caller that looks only at {@link #result()} cannot be misled either.
     */
    public boolean countsForDmarc() {
        return result == DkimResult.PASS;
    }

    DkimSignatureResult with(DkimResult newResult, String newReason) {
        return new DkimSignatureResult(newResult, domain, selector, identity, algorithm, headerB,
                bodyPartlyCovered, testing, signedHeaders, newReason);
    }

    DkimSignatureResult withHeaderB(String b) {
        return new DkimSignatureResult(result, domain, selector, identity, algorithm, b,
                bodyPartlyCovered, testing, signedHeaders, reason);
    }
}
