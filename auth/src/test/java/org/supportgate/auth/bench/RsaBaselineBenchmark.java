package org.supportgate.auth.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JDK's own RSA-2048 verify of a 32-octet hash, with nothing of ours around it: the ceiling
 * for {@link DkimVerifyBenchmark#rsa2048}. A fresh {@link Signature} per operation, as a verifier
 * shared between threads needs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class RsaBaselineBenchmark {

    private KeyPair keys;
    private byte[] hash;
    private byte[] signature;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        hash = MessageDigest.getInstance("SHA-256").digest("header data".getBytes(StandardCharsets.US_ASCII));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(hash);
        signature = signer.sign();
        if (!jdkRsa2048Verify()) {
            throw new IllegalStateException("baseline signature does not verify");
        }
    }

    @Benchmark
    public boolean jdkRsa2048Verify() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(hash);
        return verifier.verify(signature);
    }
}
