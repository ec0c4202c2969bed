package org.supportgate.auth.smime;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Which digest, signature and key a signature may use. Allow-lists, so that an algorithm we never
 * thought about is refused rather than trusted; MD5 and SHA-1 are named so the reason says why.
 */
final class AlgorithmPolicy {

    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha224, NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384,
            NISTObjectIdentifiers.id_sha512, NISTObjectIdentifiers.id_sha3_256, NISTObjectIdentifiers.id_sha3_384,
            NISTObjectIdentifiers.id_sha3_512);

    private static final Map<ASN1ObjectIdentifier, String> WEAK = Map.of(
            PKCSObjectIdentifiers.md2, "MD2",
            PKCSObjectIdentifiers.md5, "MD5",
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            PKCSObjectIdentifiers.md5WithRSAEncryption, "MD5 with RSA",
            PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA-1 with RSA",
            X9ObjectIdentifiers.ecdsa_with_SHA1, "ECDSA with SHA-1",
            X9ObjectIdentifiers.id_dsa, "DSA",
            X9ObjectIdentifiers.id_dsa_with_sha1, "DSA with SHA-1");

    /** RFC 5652 lets the signature field name the bare key algorithm or key-and-hash. */
    private static final Set<ASN1ObjectIdentifier> SIGNATURES = Set.of(
            PKCSObjectIdentifiers.rsaEncryption, PKCSObjectIdentifiers.sha224WithRSAEncryption,
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.id_ecPublicKey, X9ObjectIdentifiers.ecdsa_with_SHA224,
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512, EdECObjectIdentifiers.id_Ed25519, EdECObjectIdentifiers.id_Ed448);

    private static final int MIN_EC_BITS = 256;

    private AlgorithmPolicy() {}

    static Optional<String> digestProblem(String oid) {
        ASN1ObjectIdentifier id = new ASN1ObjectIdentifier(oid);
        if (DIGESTS.contains(id)) {
            return Optional.empty();
        }
        return Optional.of(WEAK.containsKey(id)
                ? "weak digest algorithm " + WEAK.get(id)
                : "unsupported digest algorithm " + oid);
    }

    /** params: the DER of the signature algorithm's parameters, empty when absent. */
    static Optional<String> signatureProblem(String oid, Optional<byte[]> params) {
        ASN1ObjectIdentifier id = new ASN1ObjectIdentifier(oid);
        if (WEAK.containsKey(id)) {
            return Optional.of("weak signature algorithm " + WEAK.get(id));
        }
        if (!SIGNATURES.contains(id)) {
            return Optional.of("unsupported signature algorithm " + oid);
        }
        if (id.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            // PSS carries its own hash; SHA-1 is its default when the parameters leave it out.
            ASN1ObjectIdentifier hash = params
                    .map(p -> RSASSAPSSparams.getInstance(p).getHashAlgorithm().getAlgorithm())
                    .orElse(OIWObjectIdentifiers.idSHA1);
            return digestProblem(hash.getId()).map(p -> "RSASSA-PSS with " + p);
        }
        return Optional.empty();
    }

    static Optional<String> keyProblem(PublicKey key, SmimeLimits limits) {
        return switch (key) {
            case RSAPublicKey rsa -> {
                int bits = rsa.getModulus().bitLength();
                if (bits < limits.minRsaBits()) {
                    yield Optional.of("RSA key of " + bits + " bits is shorter than " + limits.minRsaBits());
                }
                yield bits > limits.maxRsaBits()
                        ? Optional.of("RSA key of " + bits + " bits is longer than " + limits.maxRsaBits())
                        : Optional.empty();
            }
            case ECPublicKey ec -> ec.getParams().getCurve().getField().getFieldSize() < MIN_EC_BITS
                    ? Optional.of("EC key on a curve of fewer than " + MIN_EC_BITS + " bits")
                    : Optional.empty();
            default -> key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("Ed448")
                    || key.getAlgorithm().equals("EdDSA")
                    ? Optional.empty()
                    : Optional.of("unsupported key algorithm " + key.getAlgorithm());
        };
    }
}
