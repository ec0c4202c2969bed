package org.supportgate.auth.arc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.supportgate.auth.dkim.Canonicalization;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.dkim.SignedHeaders;
import org.supportgate.auth.dkim.UnsignableMessageException;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

/**
 * Adds one ARC set to a message (RFC 8617 section 5.1): ARC-Authentication-Results, then an
 * ARC-Message-Signature over the message, then an ARC-Seal over every ARC set up to the new one.
 * The counterpart of {@link ArcValidator}; what this seals validates there.
 *
 * <p>The message signature is made by {@link DkimSigner} (relaxed/relaxed, ARC fields never in
 * h=), the seal with the same canonicalization and key code the validator checks it with.
 */
public final class ArcSealer {

    private final String domain;
    private final String selector;
    private final DkimSigningKey key;
    private final DkimSigner messageSigner;
    private final Clock clock;

    private ArcSealer(Builder b) {
        this.domain = b.domain;
        this.selector = b.selector;
        this.key = b.key;
        this.clock = b.clock;
        DkimSigner.Builder signer = DkimSigner.builder(b.domain, b.selector, b.key).clock(b.clock)
                .canonicalization(Canonicalization.RELAXED, Canonicalization.RELAXED);
        if (b.headers != null) {
            signer.headers(b.headers);
        }
        this.messageSigner = signer.build();
    }

    public static Builder builder(String domain, String selector, DkimSigningKey key) {
        return new Builder(domain, selector, key);
    }

    /**
     * The message with a new ARC set on top.
     *
     * @param message                      the message as it will leave this hop
     * @param authservId                   our authentication service id, first in the
     *                                     ARC-Authentication-Results value (RFC 8601 section 2.5)
     * @param authenticationResultsPayload the results we reached, e.g.
     *                                     {@code "spf=pass smtp.mailfrom=a.example; dmarc=pass header.from=a.example"}
     * @param cvOfExistingChain            what {@link ArcValidator} said about the chain as it arrived:
     *                                     NONE exactly when the message has no ARC set
     * @throws UnsignableMessageException when the message cannot carry a valid set: its chain is
     *                                    unreadable or already at 50 sets, its newest seal already says
     *                                    cv=fail, it has no single From, or cv contradicts the chain
     * @throws IllegalArgumentException   when the id or payload would break the header field (line
     *                                    breaks, control characters)
     */
    public RawMessage seal(RawMessage message, String authservId, String authenticationResultsPayload,
            ArcChainValidation cvOfExistingChain) {
        requireFieldText("authserv-id", authservId);
        requireFieldText("results payload", authenticationResultsPayload);
        if (authservId.isBlank() || authservId.contains(";")) {
            throw new IllegalArgumentException("the authserv-id must be one non-empty token without ';'");
        }
        List<ArcSet> existing = switch (ArcChainStructure.read(message)) {
            case ArcChainStructure.Reading.Broken broken ->
                    throw new UnsignableMessageException("refusing to seal: " + broken.reason());
            case ArcChainStructure.Reading.Sets(List<ArcSet> sets) -> sets;
        };
        int instance = existing.size() + 1;
        if (instance > ArcChainStructure.MAX_INSTANCES) {
            throw new UnsignableMessageException("refusing to seal: the chain already has "
                    + ArcChainStructure.MAX_INSTANCES + " sets");
        }
        // Section 5.1.2: a chain that a previous hop already sealed as failed gets no more sets;
        // nothing downstream could rely on it.
        if (!existing.isEmpty() && existing.getLast().sealTags().get("cv").orElse("").equals("fail")) {
            throw new UnsignableMessageException("refusing to seal: the newest ARC-Seal already says cv=fail");
        }
        // The cv we write must describe this chain; a NONE on a message with sets (or the reverse)
        // is a caller mix-up that would produce a seal no validator accepts.
        if ((cvOfExistingChain == ArcChainValidation.NONE) != existing.isEmpty()) {
            throw new UnsignableMessageException("refusing to seal: cv=" + tagValue(cvOfExistingChain)
                    + " given for a message with " + existing.size() + " ARC sets");
        }

        HeaderField results = new HeaderField("ARC-Authentication-Results", "ARC-Authentication-Results: i="
                + instance + "; " + authservId.strip() + ";\r\n\t" + authenticationResultsPayload.strip());
        HeaderField messageSignature = messageSigner.arcMessageSignature(message, instance);

        long now = clock.instant().getEpochSecond();
        String unsignedSeal = "ARC-Seal: i=" + instance + "; a=" + key.algorithm().tagValue() + "; t=" + now
                + "; cv=" + tagValue(cvOfExistingChain) + ";\r\n\td=" + domain + "; s=" + selector + ";\r\n\tb=";
        byte[] data = sealData(existing, results, messageSignature, new HeaderField("ARC-Seal", unsignedSeal));
        HeaderField seal = new HeaderField("ARC-Seal",
                unsignedSeal + DkimSigner.foldBase64(Base64.getEncoder().encodeToString(key.sign(data))));

        // Newest set on top, in the order the RFC 8617 examples show: seal, signature, results.
        return message.prepend(results).prepend(messageSignature).prepend(seal);
    }

    /**
     * The seal's input, as {@link ArcValidator} rebuilds it: for each earlier instance in order its
     * results, message signature and seal, then the new results and signature and the new seal
     * with b= empty and no final CRLF, all relaxed. Package-private so that the ValiMail sign
     * suite can check it byte for byte against the seals dkimpy made.
     */
    static byte[] sealData(List<ArcSet> existing, HeaderField results, HeaderField messageSignature,
            HeaderField unsignedSeal) {
        StringBuilder data = new StringBuilder();
        for (ArcSet set : existing) {
            data.append(Canonicalization.RELAXED.header(set.results()))
                    .append(Canonicalization.RELAXED.header(set.messageSignature()))
                    .append(Canonicalization.RELAXED.header(set.seal()));
        }
        data.append(Canonicalization.RELAXED.header(results))
                .append(Canonicalization.RELAXED.header(messageSignature));
        String own = Canonicalization.RELAXED.header(SignedHeaders.withoutSignatureValue(unsignedSeal));
        data.append(own, 0, own.length() - 2);
        return data.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String tagValue(ArcChainValidation cv) {
        return cv.name().toLowerCase(Locale.ROOT);
    }

    /** Printable ASCII and spaces only: a CR or LF here would let the caller inject header fields. */
    private static void requireFieldText(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        if (!text.chars().allMatch(c -> c == ' ' || c == '\t' || (c >= 0x21 && c <= 0x7e))) {
            throw new IllegalArgumentException("the " + what + " contains a line break or a non-ASCII character");
        }
    }

    public static final class Builder {
        private final String domain;
        private final String selector;
        private final DkimSigningKey key;
        private List<String> headers;
        private Clock clock = Clock.systemUTC();

        private Builder(String domain, String selector, DkimSigningKey key) {
            // DkimSigner.builder checks domain and selector are DNS names when build() runs.
            this.domain = domain.toLowerCase(Locale.ROOT);
            this.selector = selector;
            this.key = key;
        }

        /**
         * The fields the ARC-Message-Signature covers, each as often as it appears; by default
         * {@link DkimSigner#DEFAULT_HEADERS}. Must include From; ARC fields are refused, as
         * RFC 8617 section 4.1.2 forbids them in h=.
         */
        public Builder headers(List<String> names) {
            if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).startsWith("arc-"))) {
                throw new IllegalArgumentException("an ARC-Message-Signature must not sign ARC fields");
            }
            this.headers = List.copyOf(names);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ArcSealer build() {
            return new ArcSealer(this);
        }
    }
}
