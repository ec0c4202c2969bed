package org.supportgate.auth.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.dkim.DkimResult;
import org.supportgate.auth.dkim.DkimSignatureResult;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.dkim.DkimVerifier;
import org.supportgate.auth.dmarc.DkimIdentity;
import org.supportgate.auth.dmarc.DmarcEvaluator;
import org.supportgate.auth.dmarc.DmarcResult;
import org.supportgate.auth.dmarc.DmarcVerdict;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.auth.spf.SpfEvaluator;
import org.supportgate.auth.spf.SpfLimits;
import org.supportgate.auth.spf.SpfResult;
import org.supportgate.auth.spf.SpfVerdict;

/**
 * A DNS server that takes every query and never answers: SPF, DKIM and DMARC each give
 * temperror (retry later, never pass or fail) within a bound set by the resolver's timeout.
 */
class SilentDnsServerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** One lookup's timeout is the most each check waits here; the rest is slack for a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private static final String ZONE = """
            $ORIGIN partner.test.
            $TTL 300
            @        SOA   ns.partner.test. hostmaster.partner.test. 1 3600 600 86400 60
            @        TXT   "v=spf1 ip4:203.0.113.0/24 -all"
            _dmarc   TXT   "v=DMARC1; p=reject"
            """;

    private LoopbackDnsServer server;
    private DnsjavaResolver resolver;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackDnsServer.start(ZONE);
        server.behave(LoopbackDnsServer.Behaviour.DROP);
        resolver = DnsjavaResolver.builder().servers(List.of(server.address())).timeout(TIMEOUT).build();
    }

    @AfterEach
    void stop() throws IOException {
        resolver.close();
        server.close();
    }

    @Test
    void spfIsTemperrorWhenTheServerNeverAnswers() {
        SpfEvaluator spf = new SpfEvaluator(resolver, SpfLimits.rfc7208());

        SpfVerdict verdict = assertTimeoutPreemptively(BOUND, () -> spf.checkMailFrom(
                DnsResolverContract.ip("203.0.113.7"), "alice@partner.test", "mail.partner.test"));

        assertThat(verdict.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(server.queries()).isPositive();
    }

    @Test
    void dkimIsTemperrorWhenTheServerNeverAnswers() {
        DkimSigningKey key = new DkimSigningKey.Ed25519(new Ed25519PrivateKeyParameters(new SecureRandom()));
        RawMessage message = RawMessage.of("From: alice@partner.test\r\nSubject: hello\r\n\r\nbody\r\n");
        RawMessage signed = message.prepend(DkimSigner.builder("partner.test", "sel", key).build().sign(message));
        DkimVerifier dkim = new DkimVerifier(resolver, Clock.systemUTC());

        List<DkimSignatureResult> results = assertTimeoutPreemptively(BOUND, () -> dkim.verify(signed));

        assertThat(results).hasSize(1);
        assertThat(results.getFirst().result()).isEqualTo(DkimResult.TEMPERROR);
        assertThat(results.getFirst().reason()).contains("timeout");
    }

    @Test
    void dmarcIsTemperrorWhenTheServerNeverAnswers() {
        DmarcEvaluator dmarc = new DmarcEvaluator(resolver);

        DmarcVerdict verdict = assertTimeoutPreemptively(BOUND, () -> dmarc.evaluate(
                List.of("Alice <alice@partner.test>"), Optional.empty(), List.of(new DkimIdentity("partner.test", true))));

        assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
        assertThat(verdict.reason()).contains("timeout");
    }
}
