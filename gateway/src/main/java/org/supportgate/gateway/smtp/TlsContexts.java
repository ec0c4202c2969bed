package org.supportgate.gateway.smtp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Builds the STARTTLS context from a PEM certificate chain and a PEM private key. */
final class TlsContexts {

    private TlsContexts() {}

    static SSLContext fromPem(Path certificateFile, Path privateKeyFile) {
        try {
            List<Certificate> chain;
            try (var in = Files.newInputStream(certificateFile)) {
                chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + certificateFile);
            }
            PrivateKey key = readKey(privateKeyFile);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("smtp", key, password, chain.toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load TLS certificate " + certificateFile
                    + " and key " + privateKeyFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * A traditional "RSA/EC PRIVATE KEY" file. Bouncy Castle reads it (an EC one keeps its curve
     * inside the key, where the JDK does not look); re-encoding as PKCS#8 gives the JDK a key it
     * accepts for TLS.
     */
    private static PrivateKey fromTraditional(PEMKeyPair pair) throws IOException {
        PrivateKey bouncy = new JcaPEMKeyConverter().setProvider(new BouncyCastleProvider())
                .getPrivateKey(pair.getPrivateKeyInfo());
        try {
            return KeyFactory.getInstance(bouncy.getAlgorithm().equals("ECDSA") ? "EC" : bouncy.getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(bouncy.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the private key: " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return switch (object) {
                case PEMKeyPair pair -> fromTraditional(pair);
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case null -> throw new IOException("no PEM object in " + file);
                default -> throw new IOException("unsupported key type " + object.getClass().getSimpleName()
                        + " in " + file + " (use an unencrypted PKCS#8, PKCS#1 or EC key)");
            };
        }
    }
}
