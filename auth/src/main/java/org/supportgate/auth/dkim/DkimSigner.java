package org.supportgate.auth.dkim;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

/**
 * Signs outgoing mail with one key (RFC 6376 section 5). The canonicalization and header
 * selection are the verifier's own, so what we sign verifies with {@link DkimVerifier}.
 *
 * <p>From is signed once more than it appears, so that nobody can add a second From later
 * without breaking the signature.
 */
public final class DkimSigner {

    public static final List<String> DEFAULT_HEADERS = List.of("from", "to", "cc", "subject", "date",
            "message-id", "in-reply-to", "references", "mime-version", "content-type", "auto-submitted");

    private static final int LINE = 72;

    private final String domain;
    private final String selector;
    private final DkimSigningKey key;
    private final List<String> headers;
    private final Canonicalization headerCanon;
    private final Canonicalization bodyCanon;
    private final Clock clock;
    private final Optional<Duration> validity;

    private DkimSigner(Builder b) {
        this.domain = b.domain;
        this.selector = b.selector;
        this.key = b.key;
        this.headers = b.headers;
        this.headerCanon = b.headerCanon;
        this.bodyCanon = b.bodyCanon;
        this.clock = b.clock;
        this.validity = b.validity;
    }

    public static Builder builder(String domain, String selector, DkimSigningKey key) {
        return new Builder(domain, selector, key);
    }

    /**
     * The DKIM-Signature field to put on top of the message.
     *
     * @throws UnsignableMessageException when the message has no From field, or more than one
     */
    public HeaderField sign(RawMessage message) {
        return sign(message, "DKIM-Signature", "v=1");
    }

    /**
     * The ARC-Message-Signature of instance {@code instance} (RFC 8617 section 4.1.2): the same
     * signature as {@link #sign}, with {@code i=instance} where DKIM has {@code v=1}. ARC fields
     * are never put in h= (the section forbids it), whatever {@link Builder#headers} was given.
     *
     * @throws UnsignableMessageException when the message has no From field, or more than one
     */
    public HeaderField arcMessageSignature(RawMessage message, int instance) {
        if (instance < 1 || instance > 50) {
            throw new IllegalArgumentException("an ARC instance is 1..50");
        }
        return sign(message, "ARC-Message-Signature", "i=" + instance);
    }

    private HeaderField sign(RawMessage message, String fieldName, String firstTag) {
        int froms = message.headers("From").size();
        if (froms != 1) {
            throw new UnsignableMessageException("refusing to sign: the message has " + froms
                    + " From fields, and DKIM needs exactly one");
        }
        List<String> signed = new ArrayList<>();
        for (String name : headers) {
            if (!name.startsWith("arc-")) {
                message.headers(name).forEach(h -> signed.add(name));
            }
        }
        signed.add("from");

        byte[] bodyHash = Sha256.of(bodyCanon.body(message.body()));
        long now = clock.instant().getEpochSecond();
        StringBuilder tags = new StringBuilder(fieldName).append(": ").append(firstTag)
                .append("; a=").append(key.algorithm().tagValue())
                .append("; c=").append(headerCanon.tagValue()).append('/').append(bodyCanon.tagValue())
                .append(";\r\n\td=").append(domain).append("; s=").append(selector).append("; t=").append(now);
        validity.ifPresent(v -> tags.append("; x=").append(now + v.toSeconds()));
        tags.append(";\r\n\th=").append(fold(String.join(":", signed), ':'))
                .append(";\r\n\tbh=").append(Base64.getEncoder().encodeToString(bodyHash))
                .append(";\r\n\tb=");
        HeaderField unsigned = new HeaderField(fieldName, tags.toString());
        byte[] data = SignedHeaders.data(message, signed, headerCanon, unsigned);
        return new HeaderField(fieldName, tags + foldBase64(Base64.getEncoder().encodeToString(key.sign(data))));
    }

    /**
     * A base64 value folded into short lines, as it goes after {@code b=}: base64 may break
     * anywhere, and verifiers drop the FWS. Shared with the ARC sealer, so both fold alike.
     */
    public static String foldBase64(String base64) {
        return fold(base64, (char) 0);
    }

    /** Folds a long value: after a separator when given, anywhere otherwise (base64 may break anywhere). */
    private static String fold(String value, char separator) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c);
            lineLength++;
            boolean breakable = separator == 0 || c == separator;
            if (breakable && lineLength >= LINE && i + 1 < value.length()) {
                out.append("\r\n\t");
                lineLength = 0;
            }
        }
        return out.toString();
    }

    public static final class Builder {
        private final String domain;
        private final String selector;
        private final DkimSigningKey key;
        private List<String> headers = DEFAULT_HEADERS;
        private Canonicalization headerCanon = Canonicalization.RELAXED;
        private Canonicalization bodyCanon = Canonicalization.RELAXED;
        private Clock clock = Clock.systemUTC();
        private Optional<Duration> validity = Optional.empty();

        private Builder(String domain, String selector, DkimSigningKey key) {
            if (!DnsNames.isDomain(domain) || !DnsNames.isDomain(selector)) {
                throw new IllegalArgumentException("domain and selector must be DNS names");
            }
            this.domain = domain.toLowerCase(Locale.ROOT);
            this.selector = selector;
            this.key = key;
        }

        /** The header field names to sign, each as often as it appears. Must include From. */
        public Builder headers(List<String> names) {
            List<String> lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
            if (!lower.contains("from")) {
                throw new IllegalArgumentException("the signed headers must include From");
            }
            this.headers = lower;
            return this;
        }

        public Builder canonicalization(Canonicalization header, Canonicalization body) {
            this.headerCanon = header;
            this.bodyCanon = body;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Adds x= this long after t=. */
        public Builder validity(Duration validity) {
            this.validity = Optional.of(validity);
            return this;
        }

        public DkimSigner build() {
            return new DkimSigner(this);
        }
    }
}
