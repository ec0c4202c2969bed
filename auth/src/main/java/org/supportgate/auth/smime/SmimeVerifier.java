package org.supportgate.auth.smime;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.supportgate.auth.message.MessageParse;
import org.supportgate.auth.message.RawMessage;

/**
 * Verifies the S/MIME signature of a message against the certificate pinned for its sender.
 *
 * <p>Reads multipart/signed with an application/pkcs7-signature part (detached) and
 * application/pkcs7-mime signed-data (opaque), at the top of the message or as a part of a
 * top-level multipart/mixed. Line ends are read as CRLF, the canonical form that signers sign.
 * Thread-safe; one instance serves every message.
 */
public final class SmimeVerifier {

    private final SmimeLimits limits;
    private final SignatureLocator locator;
    private final SignedDataCheck check;

    public SmimeVerifier(SmimeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.locator = new SignatureLocator(limits);
        this.check = new SignedDataCheck(limits);
    }

    public SmimeVerifier() {
        this(SmimeLimits.DEFAULT);
    }

    /**
     * Never throws for any message: whatever cannot be read is {@link SmimeStatus#MALFORMED} with
     * the reason. The arguments themselves must not be null.
     *
     * @param rawMessage the message as received, header and body
     * @param pinned     the certificate registered for the sender, if any
     * @param now        the time at which the certificate must be valid
     */
    public SmimeResult verify(byte[] rawMessage, Optional<X509Certificate> pinned, Instant now) {
        Objects.requireNonNull(rawMessage, "rawMessage");
        Objects.requireNonNull(pinned, "pinned");
        Objects.requireNonNull(now, "now");
        if (rawMessage.length > limits.maxMessageOctets()) {
            return SmimeResult.malformed("message of " + rawMessage.length + " octets is larger than "
                    + limits.maxMessageOctets());
        }
        try {
            RawMessage message = switch (RawMessage.parse(rawMessage)) {
                case MessageParse.Parsed p -> p.message();
                case MessageParse.Rejected r -> throw new MalformedSmime("message header: " + r.reason());
            };
            return switch (locator.locate(message)) {
                case FoundSignature.Absent absent -> SmimeResult.none(absent.reason());
                case FoundSignature.Detached detached -> check.check(
                        new CMSSignedData(new CMSProcessableByteArray(detached.content()), detached.cms()),
                        detached.content(), pinned, now);
                case FoundSignature.Opaque opaque -> {
                    CMSSignedData signed = new CMSSignedData(opaque.cms());
                    yield check.check(signed, SignedDataCheck.encapsulatedContent(signed), pinned, now);
                }
            };
        } catch (MalformedSmime e) {
            return SmimeResult.malformed(e.getMessage());
        } catch (CMSException e) {
            return SmimeResult.malformed("unreadable CMS: " + describe(e));
        } catch (RuntimeException e) {
            // Bouncy Castle reports broken ASN.1 with unchecked exceptions of many kinds
            // (IllegalArgumentException, ClassCastException, IllegalStateException ...); all of
            // them mean that the input is not what it claims to be.
            return SmimeResult.malformed("unreadable S/MIME: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? message : message + " (" + cause.getMessage() + ")";
    }
}
