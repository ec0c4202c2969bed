package org.supportgate.auth.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class DnsjavaResolverTest {

    private static final String ZONE = DnsResolverContract.ZONE + """
            $ORIGIN example.test.
            big     TXT   "%s" "%s" "%s" "%s" "%s" "%s"
            """.formatted(chunk('a'), chunk('b'), chunk('c'), chunk('d'), chunk('e'), chunk('f'))
            + names();

    private LoopbackDnsServer server;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();

    private static String chunk(char c) {
        return String.valueOf(c).repeat(250);
    }

    private static String names() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append("h").append(i).append(" A 192.0.2.").append(100 + i).append('\n');
        }
        return out.toString();
    }

    @BeforeEach
    void start() throws IOException {
        server = LoopbackDnsServer.start(ZONE);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private DnsjavaResolver resolver(Duration timeout, int maxConcurrent, int cacheSize) {
        return new DnsjavaResolver(new DnsjavaResolver.Config(List.of(server.address()), timeout,
                maxConcurrent, cacheSize), clock);
    }

    @Test
    void givesTempErrorWithinTimeoutWhenServerDropsQueries() {
        server.behave(LoopbackDnsServer.Behaviour.DROP);
        try (DnsjavaResolver resolver = resolver(Duration.ofMillis(400), 4, 100)) {
            long start = System.nanoTime();

            DnsAnswer<?> answer = resolver.a("www.example.test");

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer).isInstanceOf(DnsAnswer.TempError.class);
            assertThat(((DnsAnswer.TempError<?>) answer).reason()).contains("timeout");
            assertThat(took).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void givesTempErrorOnServfail() {
        server.behave(LoopbackDnsServer.Behaviour.SERVFAIL);
        try (DnsjavaResolver resolver = resolver(Duration.ofSeconds(2), 4, 100)) {
            DnsAnswer<?> answer = resolver.txt("example.test");

            assertThat(answer).isInstanceOf(DnsAnswer.TempError.class);
            assertThat(((DnsAnswer.TempError<?>) answer).reason()).contains("SERVFAIL");
        }
    }

    @Test
    void givesTempErrorOnRefused() {
        server.behave(LoopbackDnsServer.Behaviour.REFUSED);
        try (DnsjavaResolver resolver = resolver(Duration.ofSeconds(2), 4, 100)) {
            assertThat(resolver.mx("example.test")).isInstanceOf(DnsAnswer.TempError.class);
        }
    }

    @Test
    void answersFromCacheWithoutAskingAgain() {
        try (DnsjavaResolver resolver = resolver(Duration.ofSeconds(2), 4, 100)) {
            resolver.a("www.example.test");
            DnsAnswer<?> second = resolver.a("WWW.example.test.");

            assertThat(second.valuesOrEmpty()).hasSize(1);
            assertThat(server.queries("www.example.test", Type.A)).isEqualTo(1);
        }
    }

    @Test
    void asksAgainOnceTtlHasPassed() {
        try (DnsjavaResolver resolver = resolver(Duration.ofSeconds(2), 4, 100)) {
            resolver.a("www.example.test");
            now.set(now.get().plusSeconds(301));
            resolver.a("www.example.test");

            assertThat(server.queries("www.example.test", Type.A)).isEqualTo(2);
        }
    }

    @Test
    void cachesNegativeAnswersForSoaMinimum() {
        try (DnsjavaResolver resolver = resolver(Duration.ofSeconds(2), 4, 100)) {
            assertThat(resolver.a("nope.example.test")).isInstanceOf(DnsAnswer.NxDomain.class);
            assertThat(resolver.a("nope.example.test")).isInstanceOf(DnsAnswer.NxDomain.class);
            assertThat(resolver.txt("mx1.example.test")).isInstanceOf(DnsAnswer.NoData.class);
            assertThat(resolver.txt("mx1.example.test")).isInstanceOf(DnsAnswer.NoData.class);
            assertThat(server.queries("nope.example.test", Type.A)).isEqualTo(1);
            assertThat(server.queries("mx1.example.test", Type.TXT)).isEqualTo(1);

            now.set(now.get().plusSeconds(61));
            resolver.a("nope.example.test");

            assertThat(server.queries("nope.example.test", Type.A)).isEqualTo(2);
        }
    }

    @Test
    void doesNotCacheTemporaryErrors() {
        try (DnsjavaResolver resolver = resolver(Duration.ofMillis(300), 4, 100)) {
            server.behave(LoopbackDnsServer.Behaviour.SERVFAIL);
            assertThat(resolver.a("www.example.test")).isInstanceOf(DnsAnswer.TempError.class);
            server.behave(LoopbackDnsServer.Behaviour.ANSWER);

            assertThat(resolver.a("www.example.test")).isInstanceOf(DnsAnswer.Records.class);
        }
    }

    @Test
    void keepsConcurrentQueriesUnderTheCap() throws Exception {
        server.delay(Duration.ofMillis(150));
        try (DnsjavaResolver resolver = resolver(Duration.ofSeconds(5), 2, 0);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<DnsAnswer<java.net.InetAddress>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "h" + i + ".example.test";
                answers.add(threads.submit(() -> resolver.a(name)));
            }
            for (Future<DnsAnswer<java.net.InetAddress>> answer : answers) {
                assertThat(answer.get()).isInstanceOf(DnsAnswer.Records.class);
            }
        }
        assertThat(server.mostInHand()).isLessThanOrEqualTo(2);
        assertThat(server.queries()).isEqualTo(8);
    }

    @Test
    void givesTempErrorWhenNoQuerySlotFreesInTime() throws Exception {
        server.delay(Duration.ofMillis(600));
        try (DnsjavaResolver resolver = resolver(Duration.ofMillis(300), 1, 0);
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<DnsAnswer<java.net.InetAddress>> first = threads.submit(() -> resolver.a("h1.example.test"));
            Thread.sleep(50);
            long start = System.nanoTime();

            DnsAnswer<?> second = resolver.a("h2.example.test");

            assertThat(second).isInstanceOf(DnsAnswer.TempError.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
            assertThat(first.get()).isInstanceOf(DnsAnswer.TempError.class);
        }
    }

    @Test
    void retriesOverTcpWhenUdpAnswerIsTruncated() {
        try (DnsjavaResolver resolver = resolver(Duration.ofSeconds(2), 4, 100)) {
            List<String> txt = resolver.txt("big.example.test").valuesOrEmpty();

            assertThat(txt).singleElement().asString().hasSize(1500).startsWith("aaa").endsWith("fff");
            assertThat(server.tcpQueries()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void givesTempErrorAfterClose() {
        DnsjavaResolver resolver = resolver(Duration.ofSeconds(2), 4, 100);
        resolver.close();

        assertThat(resolver.a("www.example.test")).isInstanceOf(DnsAnswer.TempError.class);
    }

    @Test
    void readsServerAddresses() {
        assertThat(ServerAddress.parse("192.0.2.53"))
                .isEqualTo(new InetSocketAddress(DnsResolverContract.ip("192.0.2.53"), 53));
        assertThat(ServerAddress.parse("127.0.0.1:5353"))
                .isEqualTo(new InetSocketAddress(DnsResolverContract.ip("127.0.0.1"), 5353));
        assertThat(ServerAddress.parse("[2001:db8::53]:5300"))
                .isEqualTo(new InetSocketAddress(DnsResolverContract.ip("2001:db8::53"), 5300));
        assertThat(ServerAddress.parse("2001:db8::53"))
                .isEqualTo(new InetSocketAddress(DnsResolverContract.ip("2001:db8::53"), 53));
        assertThatThrownBy(() -> ServerAddress.parse("127.0.0.1:99999"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesConfigOutOfRange() {
        assertThatThrownBy(() -> DnsjavaResolver.builder().maxConcurrent(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsjavaResolver.builder().timeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
