package org.supportgate.auth.bench;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.supportgate.auth.dkim.DkimResult;
import org.supportgate.auth.dkim.DkimSignatureResult;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.dkim.DkimVerifier;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.RawMessage;

/**
 * Verifying one DKIM signature on a 10 KiB message, key record fetched from memory: body
 * canonicalization and hash, key record parsing, header canonicalization, the signature check.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DkimVerifyBenchmark {

    private static final String DOMAIN = "partner.example";
    private static final String SELECTOR = "mail2026";

    /** A message signed once with one key, and a verifier whose DNS publishes that key. */
    abstract static class Signed {
        RawMessage message;
        DkimVerifier verifier;

        void prepare(DkimSigningKey key) {
            RawMessage plain = SampleMail.message();
            message = plain.prepend(DkimSigner.builder(DOMAIN, SELECTOR, key).build().sign(plain));
            StaticDnsResolver dns = StaticDnsResolver.builder()
                    .txt(SELECTOR + "._domainkey." + DOMAIN, key.txtRecord()).build();
            verifier = new DkimVerifier(dns, Clock.systemUTC());
            List<DkimSignatureResult> results = verifier.verify(message);
            if (results.size() != 1 || results.getFirst().result() != DkimResult.PASS) {
                throw new IllegalStateException("benchmark message does not verify: " + results);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Rsa2048 extends Signed {
        @Setup
        public void setUp() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            prepare(DkimSigningKey.rsa(generator.generateKeyPair().getPrivate()));
        }
    }

    @State(Scope.Benchmark)
    public static class Ed25519 extends Signed {
        @Setup
        public void setUp() {
            prepare(new DkimSigningKey.Ed25519(new Ed25519PrivateKeyParameters(new SecureRandom())));
        }
    }

    @Benchmark
    public List<DkimSignatureResult> rsa2048(Rsa2048 state) {
        return state.verifier.verify(state.message);
    }

    @Benchmark
    public List<DkimSignatureResult> ed25519(Ed25519 state) {
        return state.verifier.verify(state.message);
    }
}
