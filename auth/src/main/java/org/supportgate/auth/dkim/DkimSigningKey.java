package org.supportgate.auth.dkim;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

/** A private key we sign with, and the TXT record that publishes its public half. */
public sealed interface DkimSigningKey {

    /** An RSA key; signs rsa-sha256. Should be 2048 bits or more. */
    record Rsa(RSAPrivateCrtKey key) implements DkimSigningKey {}

    /** An Ed25519 key; signs ed25519-sha256 (RFC 8463). */
    record Ed25519(Ed25519PrivateKeyParameters key) implements DkimSigningKey {}

    /** Reads a PEM private key: PKCS#1 "RSA PRIVATE KEY" or PKCS#8 "PRIVATE KEY" (RSA or Ed25519). */
    static DkimSigningKey fromPem(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            PrivateKeyInfo info = switch (object) {
                case PEMKeyPair pair -> pair.getPrivateKeyInfo();
                case PrivateKeyInfo pki -> pki;
                case null, default -> throw new IllegalArgumentException("not a PEM private key");
            };
            AsymmetricKeyParameter params = PrivateKeyFactory.createKey(info);
            if (params instanceof Ed25519PrivateKeyParameters ed) {
                return new Ed25519(ed);
            }
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(info.getEncoded()));
            return rsa(key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable private key: " + e.getMessage(), e);
        }
    }

    /** An Ed25519 key from its 32-octet seed (the form RFC 8463 examples and dkimpy use). */
    static DkimSigningKey ed25519Seed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 octets");
        }
        return new Ed25519(new Ed25519PrivateKeyParameters(seed, 0));
    }

    static DkimSigningKey rsa(PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey crt) {
            return new Rsa(crt);
        }
        throw new IllegalArgumentException("an RSA signing key needs its CRT form (public exponent)");
    }

    default DkimAlgorithm algorithm() {
        return switch (this) {
            case Rsa r -> DkimAlgorithm.RSA_SHA256;
            case Ed25519 e -> DkimAlgorithm.ED25519_SHA256;
        };
    }

    /**
     * The signature over header data already canonicalized: RSASSA-PKCS1-v1_5 with SHA-256, or for
     * Ed25519 PureEdDSA over the SHA-256 of the data (RFC 8463 section 3 signs the hash, not the
     * data). One place for the crypto, shared by the DKIM signer and the ARC sealer.
     */
    default byte[] sign(byte[] data) {
        return switch (this) {
            case Rsa rsa -> {
                try {
                    Signature signer = Signature.getInstance("SHA256withRSA");
                    signer.initSign(rsa.key());
                    signer.update(data);
                    yield signer.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("RSA signing failed", e);
                }
            }
            case Ed25519 ed -> {
                Ed25519Signer signer = new Ed25519Signer();
                signer.init(true, ed.key());
                byte[] hash = Sha256.of(data);
                signer.update(hash, 0, hash.length);
                yield signer.generateSignature();
            }
        };
    }

    /** The TXT record text to publish at {@code selector._domainkey.domain}. */
    default String txtRecord() {
        byte[] publicKey = switch (this) {
            case Rsa r -> rsaSubjectPublicKeyInfo(r.key());
            case Ed25519 e -> e.key().generatePublicKey().getEncoded();
        };
        return "v=DKIM1; k=" + algorithm().keyType() + "; p=" + Base64.getEncoder().encodeToString(publicKey);
    }

    private static byte[] rsaSubjectPublicKeyInfo(RSAPrivateCrtKey key) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has RSA", e);
        }
    }
}
