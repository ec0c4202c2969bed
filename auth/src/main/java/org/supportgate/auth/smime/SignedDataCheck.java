package org.supportgate.auth.smime;

import java.io.IOException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Verifies a CMS SignedData (RFC 5652) and judges its signer: algorithms, signature and
 * message-digest, certificate validity, signing-time, key usage, and the pin.
 *
 * <p>Pinning is an exact match of the certificate's DER encoding. No chain is built: the contact
 * registered this certificate, so who issued it adds nothing, and a chain check would let any
 * certificate from a trusted CA for the same address pass.
 */
final class SignedDataCheck {

    /** A private instance: registering Bouncy Castle globally would change every other JCA user. */
    private static final Provider BC = new BouncyCastleProvider();

    private final SmimeLimits limits;

    SignedDataCheck(SmimeLimits limits) {
        this.limits = limits;
    }

    /** content: the octets the signature covers, returned in the result when it verifies. */
    SmimeResult check(CMSSignedData signed, byte[] content, Optional<X509Certificate> pinned, Instant now)
            throws MalformedSmime {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty() || signers.size() > limits.maxSigners()) {
            throw new MalformedSmime("SignedData has " + signers.size() + " signers; 1 to " + limits.maxSigners()
                    + " are read");
        }
        Store<X509CertificateHolder> certificates = signed.getCertificates();
        int certificateCount = certificates.getMatches(null).size();
        if (certificateCount > limits.maxCertificates()) {
            throw new MalformedSmime("SignedData carries " + certificateCount + " certificates; at most "
                    + limits.maxCertificates() + " are read");
        }
        // RFC 8551 section 2.5: one signer that verifies is enough; report the best verdict.
        List<SmimeResult> verdicts = new ArrayList<>();
        for (SignerInformation signer : signers) {
            verdicts.add(checkSigner(signer, certificates, pinned, now));
        }
        SmimeResult best = verdicts.stream().min((a, b) -> rank(a.status()) - rank(b.status())).orElseThrow();
        boolean verified = best.status() == SmimeStatus.VALID_PINNED || best.status() == SmimeStatus.VALID_NOT_PINNED;
        return new SmimeResult(best.status(), best.signerEmail(), best.signerFingerprintSha256(), best.reason(),
                verified ? Optional.of(content.clone()) : Optional.empty());
    }

    /** The encapsulated content of an opaque signature; only id-data is mail. */
    static byte[] encapsulatedContent(CMSSignedData signed) throws MalformedSmime {
        if (signed.getSignedContent() == null || !(signed.getSignedContent().getContent() instanceof byte[] content)) {
            throw new MalformedSmime("signed-data without encapsulated content");
        }
        if (!PKCSObjectIdentifiers.data.getId().equals(signed.getSignedContentTypeOID())) {
            throw new MalformedSmime("signed-data encapsulates " + signed.getSignedContentTypeOID() + ", not id-data");
        }
        return content;
    }

    private SmimeResult checkSigner(SignerInformation signer, Store<X509CertificateHolder> certificates,
            Optional<X509Certificate> pinned, Instant now) throws MalformedSmime {
        Optional<String> algorithmProblem = AlgorithmPolicy.digestProblem(signer.getDigestAlgOID())
                .or(() -> AlgorithmPolicy.signatureProblem(signer.getEncryptionAlgOID(),
                        Optional.ofNullable(signer.getEncryptionAlgParams())));
        if (algorithmProblem.isPresent()) {
            return withoutCertificate(SmimeStatus.INVALID, algorithmProblem.get());
        }
        Optional<X509Certificate> found = signerCertificate(signer, certificates, pinned);
        if (found.isEmpty()) {
            return withoutCertificate(SmimeStatus.INVALID, "the signer's certificate is neither in the message nor pinned");
        }
        try {
            SignerCertificate certificate = SignerCertificate.of(found.get());
            PublicKey key = publicKey(found.get());
            Optional<String> keyProblem = AlgorithmPolicy.keyProblem(key, limits);
            if (keyProblem.isPresent()) {
                return judged(SmimeStatus.INVALID, certificate, keyProblem.get());
            }
            Optional<String> signatureProblem = signatureProblem(signer, key);
            if (signatureProblem.isPresent()) {
                return judged(SmimeStatus.INVALID, certificate, signatureProblem.get());
            }
            Optional<SmimeResult> timeProblem = timeProblem(signer, certificate, now);
            if (timeProblem.isPresent()) {
                return timeProblem.get();
            }
            Optional<String> usageProblem = certificate.usageProblem();
            if (usageProblem.isPresent()) {
                return judged(SmimeStatus.INVALID, certificate, usageProblem.get());
            }
            if (pinned.isEmpty()) {
                return judged(SmimeStatus.VALID_NOT_PINNED, certificate, "valid signature; no certificate is pinned");
            }
            return certificate.isSameAs(pinned.get())
                    ? judged(SmimeStatus.VALID_PINNED, certificate, "valid signature by the pinned certificate")
                    : judged(SmimeStatus.VALID_NOT_PINNED, certificate,
                            "valid signature, but not by the pinned certificate");
        } catch (CertificateEncodingException e) {
            throw new MalformedSmime("the signer's certificate cannot be encoded: " + e.getMessage());
        }
    }

    /** Bouncy Castle answers null, or throws, for a key it cannot decode. */
    private static PublicKey publicKey(X509Certificate certificate) throws MalformedSmime {
        PublicKey key;
        try {
            key = certificate.getPublicKey();
        } catch (RuntimeException e) {
            throw new MalformedSmime("the signer certificate's public key is unreadable: " + e.getMessage());
        }
        if (key == null) {
            throw new MalformedSmime("the signer certificate's public key is unreadable");
        }
        return key;
    }

    /** The cryptographic check: message-digest attribute, content-type attribute, signature value. */
    private static Optional<String> signatureProblem(SignerInformation signer, PublicKey key) {
        try {
            // Built from the public key, not the certificate, so that Bouncy Castle does not judge
            // validity against signing-time by itself; timeProblem does that with our skew.
            boolean verified = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC)
                    .build(key));
            return verified ? Optional.empty() : Optional.of("the signature does not verify");
        } catch (CMSSignerDigestMismatchException e) {
            return Optional.of("the content was changed after signing (message-digest mismatch)");
        } catch (CMSException e) {
            return Optional.of("the signature cannot be verified: " + e.getMessage());
        } catch (OperatorCreationException e) {
            return Optional.of("no verifier for this signature: " + e.getMessage());
        }
    }

    private Optional<SmimeResult> timeProblem(SignerInformation signer, SignerCertificate certificate, Instant now)
            throws MalformedSmime {
        X509Certificate x509 = certificate.certificate();
        try {
            x509.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            return Optional.of(judged(SmimeStatus.EXPIRED, certificate,
                    "the certificate expired at " + x509.getNotAfter().toInstant()));
        } catch (CertificateNotYetValidException e) {
            return Optional.of(judged(SmimeStatus.EXPIRED, certificate,
                    "the certificate is not valid before " + x509.getNotBefore().toInstant()));
        }
        Optional<Instant> signingTime = signingTime(signer);
        if (signingTime.isEmpty()) {
            return Optional.empty();
        }
        Instant signedAt = signingTime.get();
        if (signedAt.isAfter(now.plus(limits.clockSkew()))) {
            return Optional.of(judged(SmimeStatus.INVALID, certificate,
                    "signing-time " + signedAt + " is in the future"));
        }
        if (signedAt.isBefore(x509.getNotBefore().toInstant().minus(limits.clockSkew()))
                || signedAt.isAfter(x509.getNotAfter().toInstant().plus(limits.clockSkew()))) {
            return Optional.of(judged(SmimeStatus.EXPIRED, certificate,
                    "signed at " + signedAt + ", outside the certificate's validity"));
        }
        return Optional.empty();
    }

    private static Optional<Instant> signingTime(SignerInformation signer) throws MalformedSmime {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null) {
            return Optional.empty();
        }
        if (attribute.getAttrValues().size() != 1) {
            throw new MalformedSmime("signing-time attribute with " + attribute.getAttrValues().size() + " values");
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        return Optional.of(Time.getInstance(value).getDate().toInstant());
    }

    /**
     * The certificate the SignerInfo names. The pinned one comes first when it is the one named,
     * so that a look-alike certificate in the message (same issuer and serial, another key) can
     * never stand in for it; otherwise the first match among the message's certificates.
     */
    private static Optional<X509Certificate> signerCertificate(SignerInformation signer,
            Store<X509CertificateHolder> certificates, Optional<X509Certificate> pinned) throws MalformedSmime {
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BC);
            if (pinned.isPresent()) {
                X509CertificateHolder holder = new X509CertificateHolder(pinned.get().getEncoded());
                if (signer.getSID().match(holder)) {
                    return Optional.of(converter.getCertificate(holder));
                }
            }
            Optional<X509CertificateHolder> inMessage = certificates.getMatches(signer.getSID()).stream().findFirst();
            return inMessage.isEmpty() ? Optional.empty() : Optional.of(converter.getCertificate(inMessage.get()));
        } catch (CertificateException | IOException e) {
            throw new MalformedSmime("the signer's certificate is unreadable: " + e.getMessage());
        }
    }

    private static SmimeResult judged(SmimeStatus status, SignerCertificate certificate, String reason) {
        return new SmimeResult(status, certificate.email(), Optional.of(certificate.fingerprintSha256()), reason,
                Optional.empty());
    }

    private static SmimeResult withoutCertificate(SmimeStatus status, String reason) {
        return new SmimeResult(status, Optional.empty(), Optional.empty(), reason, Optional.empty());
    }

    /** Lower is better: which verdict speaks for a message with several signers. */
    private static int rank(SmimeStatus status) {
        return switch (status) {
            case VALID_PINNED -> 0;
            case VALID_NOT_PINNED -> 1;
            case EXPIRED -> 2;
            case INVALID -> 3;
            case MALFORMED -> 4;
            case NONE -> 5;
        };
    }
}
