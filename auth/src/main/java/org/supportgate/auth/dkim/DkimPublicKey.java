package org.supportgate.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A verifying key from a DKIM key record. */
public sealed interface DkimPublicKey {

    /** An RSA key of at least the minimum size (checked when the record is read). */
    record Rsa(RSAPublicKey key) implements DkimPublicKey {}

    /** An Ed25519 key (RFC 8463), verified with Bouncy Castle's implementation. */
    record Ed25519(Ed25519PublicKeyParameters key) implements DkimPublicKey {}

    /**
     * True when {@code signature} is a valid signature of {@code signedData} under this key with
     * the algorithm's hash. A key of the wrong type for the algorithm never verifies.
     */
    default boolean verifies(DkimAlgorithm algorithm, byte[] signedData, byte[] signature) {
        return switch (this) {
            case Rsa rsa -> algorithm == DkimAlgorithm.RSA_SHA256 && rsaVerifies(rsa.key(), signedData, signature);
            case Ed25519 ed -> algorithm == DkimAlgorithm.ED25519_SHA256 && edVerifies(ed.key(), signedData, signature);
        };
    }

    private static boolean rsaVerifies(RSAPublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A signature of the wrong length or a key the provider refuses is simply not valid.
            return false;
        }
    }

    private static boolean edVerifies(Ed25519PublicKeyParameters key, byte[] data, byte[] signature) {
        // RFC 8463 section 3: Ed25519 signs the SHA-256 hash of the canonicalized header data.
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        byte[] hash = Sha256.of(data);
        verifier.update(hash, 0, hash.length);
        return verifier.verifySignature(signature);
    }
}
