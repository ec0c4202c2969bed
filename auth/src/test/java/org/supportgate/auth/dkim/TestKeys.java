package org.supportgate.auth.dkim;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Keys generated once per test run. */
final class TestKeys {

    static final KeyPair RSA_2048 = rsa(2048);
    static final KeyPair RSA_512 = rsa(512);
    static final DkimSigningKey RSA = DkimSigningKey.rsa(RSA_2048.getPrivate());
    static final DkimSigningKey ED25519 = new DkimSigningKey.Ed25519(new Ed25519PrivateKeyParameters(new SecureRandom()));

    private TestKeys() {}

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
