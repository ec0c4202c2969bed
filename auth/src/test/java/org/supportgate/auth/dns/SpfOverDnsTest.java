package org.supportgate.auth.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.spf.SpfEvaluator;
import org.supportgate.auth.spf.SpfLimits;
import org.supportgate.auth.spf.SpfResult;
import org.supportgate.auth.spf.SpfVerdict;

/** SPF evaluated through real DNS on the loopback interface, and through the same zone as text. */
class SpfOverDnsTest {

    private static final String ZONE = """
            $ORIGIN partner.test.
            $TTL 300
            @        SOA   ns.partner.test. hostmaster.partner.test. 1 3600 600 86400 60
            @        TXT   "v=spf1 include:_spf.partner.test " "mx -all"
            @        MX    10 mail.partner.test.
            mail     A     198.51.100.25
            _spf     CNAME spf-alias.provider.test.
            $ORIGIN provider.test.
            spf-alias TXT  "v=spf1 ip4:203.0.113.0/24 -all"
            """;

    private LoopbackDnsServer server;
    private DnsjavaResolver resolver;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackDnsServer.start(ZONE);
        resolver = DnsjavaResolver.builder().servers(List.of(server.address()))
                .timeout(Duration.ofMillis(500)).build();
    }

    @AfterEach
    void stop() throws IOException {
        resolver.close();
        server.close();
    }

    private static SpfVerdict check(DnsResolver dns, String client) {
        return new SpfEvaluator(dns, SpfLimits.rfc7208())
                .checkMailFrom(DnsResolverContract.ip(client), "alice@partner.test", "mail.partner.test");
    }

    @Test
    void passesThroughIncludeBehindCname() {
        assertThat(check(resolver, "203.0.113.7").result()).isEqualTo(SpfResult.PASS);
        assertThat(check(ZoneFileResolver.fromText(ZONE), "203.0.113.7").result()).isEqualTo(SpfResult.PASS);
    }

    @Test
    void passesThroughMx() {
        assertThat(check(resolver, "198.51.100.25").result()).isEqualTo(SpfResult.PASS);
    }

    @Test
    void failsOtherClients() {
        SpfVerdict verdict = check(resolver, "192.0.2.1");

        assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
        assertThat(verdict.explanation()).isEqualTo("192.0.2.1 is not allowed to send mail for partner.test");
    }

    @Test
    void givesTempErrorWhenServerStopsAnswering() {
        server.behave(LoopbackDnsServer.Behaviour.DROP);

        SpfVerdict verdict = check(resolver, "203.0.113.7");

        assertThat(verdict.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(verdict.problem()).contains("timeout");
    }
}
