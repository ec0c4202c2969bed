package org.supportgate.auth.dns;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The resolver contract, asked of a real DNS server on the loopback interface. */
class DnsjavaResolverContractTest extends DnsResolverContract {

    private static LoopbackDnsServer server;
    private static DnsjavaResolver resolver;

    @BeforeAll
    static void start() throws IOException {
        server = LoopbackDnsServer.start(ZONE);
        resolver = DnsjavaResolver.builder()
                .servers(List.of(server.address()))
                .timeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterAll
    static void stop() throws IOException {
        resolver.close();
        server.close();
    }

    @Override
    DnsResolver resolver() {
        return resolver;
    }
}
