package org.supportgate.auth.smime;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.MessageParse;
import org.supportgate.auth.message.RawMessage;

/**
 * Finds an S/MIME signature at the top of a message, or in a part of a top-level multipart/mixed
 * (some clients and list servers wrap the signed entity), and nowhere deeper: a signature buried
 * further down does not speak for the message the sender wrote.
 */
final class SignatureLocator {

    private final SmimeLimits limits;

    SignatureLocator(SmimeLimits limits) {
        this.limits = limits;
    }

    FoundSignature locate(RawMessage message) throws MalformedSmime {
        ContentType type = contentType(message);
        if (type.is("multipart/mixed")) {
            return insideMixed(message.body(), boundary(type));
        }
        return atEntity(type, message).orElseGet(() -> new FoundSignature.Absent(
                "no S/MIME signature (Content-Type " + type.mediaType() + ")"));
    }

    private FoundSignature insideMixed(byte[] body, String boundary) throws MalformedSmime {
        List<byte[]> parts;
        try {
            parts = MultipartBody.split(body, boundary, limits.maxParts());
        } catch (MalformedSmime e) {
            // A broken wrapper is not a broken signature: MALFORMED is for what claims S/MIME.
            return new FoundSignature.Absent("multipart/mixed is unreadable (" + e.getMessage()
                    + "); no signature looked for");
        }
        for (byte[] raw : parts) {
            RawMessage part = parsePart(raw);
            Optional<FoundSignature> found = atEntity(contentType(part), part);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new FoundSignature.Absent("no S/MIME signature in the " + parts.size() + " parts of multipart/mixed");
    }

    /** The signature this entity itself is, if any. */
    private Optional<FoundSignature> atEntity(ContentType type, RawMessage entity) throws MalformedSmime {
        if (type.is("multipart/signed")) {
            String protocol = type.parameter("protocol").orElse("").toLowerCase(Locale.ROOT);
            if (!isSignatureType(protocol)) {
                return Optional.of(new FoundSignature.Absent(
                        "multipart/signed with protocol \"" + protocol + "\" is not S/MIME"));
            }
            return Optional.of(detached(entity.body(), boundary(type)));
        }
        if (type.is("application/pkcs7-mime") || type.is("application/x-pkcs7-mime")) {
            String smimeType = type.parameter("smime-type").orElse("signed-data").toLowerCase(Locale.ROOT);
            if (!smimeType.equals("signed-data")) {
                return Optional.of(new FoundSignature.Absent(
                        "S/MIME " + smimeType + " is not a signature this gateway can read"));
            }
            return Optional.of(new FoundSignature.Opaque(base64Body(entity, limits.maxMessageOctets())));
        }
        return Optional.empty();
    }

    private FoundSignature detached(byte[] body, String boundary) throws MalformedSmime {
        List<byte[]> parts = MultipartBody.split(body, boundary, limits.maxParts());
        if (parts.size() != 2) {
            throw new MalformedSmime("multipart/signed has " + parts.size() + " parts, not 2");
        }
        RawMessage signature = parsePart(parts.get(1));
        ContentType type = contentType(signature);
        if (!isSignatureType(type.mediaType())) {
            throw new MalformedSmime("the second part of multipart/signed is " + type.mediaType()
                    + ", not application/pkcs7-signature");
        }
        return new FoundSignature.Detached(parts.get(0), base64Body(signature, limits.maxSignatureOctets()));
    }

    private static boolean isSignatureType(String mediaType) {
        return mediaType.equals("application/pkcs7-signature") || mediaType.equals("application/x-pkcs7-signature");
    }

    private static String boundary(ContentType type) throws MalformedSmime {
        return type.parameter("boundary")
                .orElseThrow(() -> new MalformedSmime(type.mediaType() + " without a boundary parameter"));
    }

    /** RFC 2045: no Content-Type means text/plain; more than one is ambiguous, so refused. */
    private static ContentType contentType(RawMessage entity) throws MalformedSmime {
        List<HeaderField> fields = entity.headers("Content-Type");
        if (fields.size() > 1) {
            throw new MalformedSmime(fields.size() + " Content-Type fields in one entity");
        }
        if (fields.isEmpty()) {
            return ContentType.DEFAULT;
        }
        // An unreadable value is read as text/plain (RFC 2045 section 5.2): it can never make a
        // message look signed, so nothing is gained by refusing it.
        return ContentType.parse(fields.getFirst().value()).orElse(ContentType.DEFAULT);
    }

    private static RawMessage parsePart(byte[] raw) throws MalformedSmime {
        return switch (RawMessage.parse(raw)) {
            case MessageParse.Parsed p -> p.message();
            case MessageParse.Rejected r -> throw new MalformedSmime("a MIME part's header: " + r.reason());
        };
    }

    /** Strict base64: white space between lines is allowed, any other stray character is not. */
    private static byte[] base64Body(RawMessage entity, int maxOctets) throws MalformedSmime {
        List<HeaderField> encodings = entity.headers("Content-Transfer-Encoding");
        String encoding = encodings.size() == 1 ? encodings.getFirst().value().strip().toLowerCase(Locale.ROOT) : "";
        if (encodings.size() > 1 || (!encodings.isEmpty() && !encoding.equals("base64"))) {
            throw new MalformedSmime("the CMS part is not base64 (Content-Transfer-Encoding \"" + encoding + "\")");
        }
        byte[] body = entity.body();
        if (body.length > maxOctets) {
            throw new MalformedSmime("the CMS part is larger than " + maxOctets + " octets");
        }
        byte[] compact = new byte[body.length];
        int n = 0;
        for (byte b : body) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                compact[n++] = b;
            }
        }
        try {
            byte[] der = Base64.getDecoder().decode(Arrays.copyOf(compact, n));
            if (der.length == 0) {
                throw new MalformedSmime("the CMS part is empty");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw new MalformedSmime("the CMS part is not valid base64: " + e.getMessage());
        }
    }
}
