package org.supportgate.gateway.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import tools.jackson.databind.JsonNode;

/** A DNS server that never answers: the message is deferred with the reason, never passed or failed. */
class DnsTemporaryErrorTest extends GatewayTest {

    /** Bound and never read: every query to it times out. */
    private static final DatagramSocket SILENT_DNS = silentSocket();

    @DynamicPropertySource
    static void silentDns(DynamicPropertyRegistry registry) {
        registry.add("supportgate.dns.zone-file", () -> "");
        registry.add("supportgate.dns.servers", () -> "127.0.0.1:" + SILENT_DNS.getLocalPort());
        registry.add("supportgate.dns.timeout", () -> "500ms");
        registry.add("supportgate.intake.initial-backoff", () -> "1h");
    }

    @AfterAll
    static void close() {
        SILENT_DNS.close();
    }

    @Test
    void defersMessageWhenDnsDoesNotAnswer() throws Exception {
        String id;
        try (SmtpDialogue smtp = smtp()) {
            id = smtp.send("alice@partner.example", message("""
                    From: alice@partner.example
                    Subject: is DNS down?

                    body
                    """), "support@localhost").queueId();
        }
        JsonNode deferred = message(id, "deferred");
        assertThat(deferred.path("attempts").asInt()).isEqualTo(1);
        assertThat(deferred.path("lastError").asString()).contains("DNS temporary error");
        assertThat(deferred.path("authentication").isNull() || deferred.path("authentication").isMissingNode()).isTrue();
    }

    private static DatagramSocket silentSocket() {
        try {
            return new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}
