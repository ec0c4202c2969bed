package org.supportgate.gateway.mail;

import org.supportgate.auth.trust.Assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.ticketing.outbox.Outbox;
import org.supportgate.ticketing.outbox.OutboxEntry;
import org.supportgate.ticketing.outbox.OutboxState;
import tools.jackson.databind.JsonNode;

/** The outbox worker against a recording relay on loopback, on the embedded database. */
class OutboxWorkerTest extends GatewayTest {

    static final RecordingRelay RELAY = new RecordingRelay();

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        registry.add("supportgate.relay.host", () -> "127.0.0.1");
        registry.add("supportgate.relay.port", RELAY::port);
        registry.add("supportgate.relay.starttls", () -> "never");
        registry.add("supportgate.relay.connect-timeout", () -> "2s");
        registry.add("supportgate.relay.timeout", () -> "5s");
        registry.add("supportgate.outbox.poll-interval", () -> "100ms");
        registry.add("supportgate.outbox.initial-backoff", () -> "200ms");
        registry.add("supportgate.outbox.max-backoff", () -> "500ms");
        registry.add("supportgate.outbox.max-attempts", () -> "50");
    }

    @AfterAll
    static void stopRelay() {
        RELAY.close();
    }

    @Autowired
    Outbox outbox;

    @Autowired
    org.supportgate.ticketing.ticket.Tickets tickets;

    @BeforeEach
    void relayUpAndAccepting() {
        RELAY.up();
        RELAY.answer(RecordingRelay.Mode.ACCEPT);
    }

    /** Writes a small message to the outbox as a ticket change would, committed at once. */
    long enqueue(String to) {
        String messageId = UUID.randomUUID() + "@mx.support.example";
        byte[] raw = ("From: support@mx.support.example\r\nTo: " + to + "\r\nMessage-ID: <" + messageId
                + ">\r\nSubject: test " + messageId + "\r\n\r\nbody line\r\n.leading dot\r\n").getBytes(StandardCharsets.US_ASCII);
        return outbox.enqueue(null, "notice", messageId, "support@mx.support.example", to, null, raw);
    }

    OutboxEntry await(long id, OutboxState state) {
        OutboxEntry[] last = new OutboxEntry[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            last[0] = outbox.find(id).orElseThrow();
            assertThat(last[0].state()).isEqualTo(state);
        });
        return last[0];
    }

    List<RecordingRelay.Received> receivedFor(String to) {
        return RELAY.received().stream().filter(r -> r.recipients().contains(to)).toList();
    }

    static String unique(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    }

    @Test
    void sendsAQueuedMessageExactlyOnceWithItsStoredBytesAndEnvelope() throws Exception {
        String to = unique("alice");
        long id = enqueue(to);

        OutboxEntry sent = await(id, OutboxState.SENT);

        assertThat(sent.relayReply()).contains("queued as");
        assertThat(sent.attempts()).isEqualTo(1);
        Thread.sleep(500); // several more polls: nothing is sent again
        List<RecordingRelay.Received> got = receivedFor(to);
        assertThat(got).hasSize(1);
        assertThat(got.getFirst().mailFrom()).isEqualTo("support@mx.support.example");
        assertThat(got.getFirst().text()).contains("Subject: test ").contains("\r\n.leading dot\r\n");
    }

    @Test
    void keepsTheMessageWhileTheRelayIsDownAndSendsItOnceWhenItIsBack() throws Exception {
        RELAY.down();
        String to = unique("bob");
        long id = enqueue(to);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(outbox.find(id).orElseThrow().attempts()).isGreaterThanOrEqualTo(2));
        OutboxEntry waiting = outbox.find(id).orElseThrow();
        assertThat(waiting.state()).isIn(OutboxState.QUEUED, OutboxState.SENDING);
        assertThat(waiting.lastError()).isNotBlank();

        RELAY.up();
        await(id, OutboxState.SENT);
        Thread.sleep(500);
        assertThat(receivedFor(to)).hasSize(1);
    }

    @Test
    void retriesAfterA4xxReply() {
        RELAY.answer(RecordingRelay.Mode.TEMPFAIL);
        String to = unique("carol");
        long id = enqueue(to);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            OutboxEntry entry = outbox.find(id).orElseThrow();
            assertThat(entry.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(entry.lastError()).contains("451");
        });
        RELAY.answer(RecordingRelay.Mode.ACCEPT);
        await(id, OutboxState.SENT);
        assertThat(receivedFor(to)).hasSize(1);
    }

    @Test
    void givesUpOnA5xxAndKeepsTheReplyVisible() throws Exception {
        RELAY.answer(RecordingRelay.Mode.PERMFAIL);
        String to = unique("nobody");
        long id = enqueue(to);

        OutboxEntry failed = await(id, OutboxState.FAILED);

        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("550").contains("User unknown");
        RELAY.answer(RecordingRelay.Mode.ACCEPT);
        Thread.sleep(500);
        assertThat(receivedFor(to)).isEmpty();
        assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(OutboxState.FAILED);
    }

    @Test
    void cutsOffASendThatOutlastsHalfTheLease() {
        OutboxProperties stopped = new OutboxProperties(false, 1, 1, Duration.ofMillis(50), Duration.ofSeconds(2), 10,
                Duration.ofMinutes(1), Duration.ofMinutes(1));
        RelayClient client = new RelayClient(new RelayProperties("127.0.0.1", RELAY.port(), RelayProperties.StartTls.NEVER,
                null, null, Duration.ofSeconds(2), Duration.ofSeconds(30)), "mx.support.example");
        OutboxWorker worker = new OutboxWorker(outbox, client, stopped);
        RELAY.answer(RecordingRelay.Mode.STALL);
        String to = unique("stall");
        long id = enqueue(to);
        // Claimed directly (the worker is not started): the daemon's own worker may not take this row first.
        org.supportgate.ticketing.outbox.OutboxClaim claim;
        do {
            claim = outbox.claim(50, "test", Duration.ofSeconds(2)).stream().filter(c -> c.id() == id).findFirst().orElse(null);
        } while (claim == null && outbox.find(id).orElseThrow().state() == OutboxState.QUEUED);
        org.junit.jupiter.api.Assumptions.assumeTrue(claim != null, "the daemon's worker claimed the row first");
        long start = System.nanoTime();
        worker.send(claim);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        OutboxEntry deferred = outbox.find(id).orElseThrow();
        assertThat(deferred.state()).isEqualTo(OutboxState.QUEUED);
        assertThat(deferred.lastError()).isNotBlank();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aNewTicketsAcknowledgementReachesTheRelayWithinSeconds() throws Exception {
        String alice = unique("alice");
        String spoolId = org.supportgate.gateway.spool.QueueId.next();
        jdbc.sql("""
                        INSERT INTO inbound_message (id, state, received_at, client_ip, mail_from, rcpt_to, size, sha256,
                                                     trace_header, raw, next_attempt_at)
                        VALUES (:id, 'done', now(), '127.0.0.1', 'x@y', '{support@localhost}', 1, 'x', '', '\\x00', now())
                        """).param("id", spoolId).update();
        var outcome = tickets.openOrJoin(new org.supportgate.ticketing.ticket.InboundRequest(spoolId, alice, alice,
                "Alice", "Users cannot send", "<m1@partner.example>", List.of(), null, java.util.Map.of(), true,
                org.supportgate.auth.trust.Assurance.EMAIL, null, List.of(), "Help", List.of()));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !receivedFor(alice).isEmpty());
        RecordingRelay.Received ack = receivedFor(alice).getFirst();
        assertThat(ack.mailFrom()).isEqualTo("support@mx.support.example");
        assertThat(ack.text()).contains("Subject: [" + outcome.ticketNumber() + "] Users cannot send")
                .contains("In-Reply-To: <m1@partner.example>").contains("Auto-Submitted: auto-replied");
        JsonNode ticket = json.readTree(get("/api/tickets/" + outcome.ticketNumber(), TOKEN).body());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(json.readTree(
                get("/api/tickets/" + outcome.ticketNumber(), TOKEN).body()).path("messages").get(1).path("delivery")
                .path("state").asString()).isEqualTo("sent"));
        assertThat(ticket.path("messages")).hasSize(2);
    }

    @Test
    void severalWorkersOnOneDatabaseSendEachRowOnce() throws Exception {
        RelayClient client = new RelayClient(new RelayProperties("127.0.0.1", RELAY.port(), RelayProperties.StartTls.NEVER,
                null, null, Duration.ofSeconds(2), Duration.ofSeconds(5)), "mx.support.example");
        OutboxProperties busy = new OutboxProperties(true, 4, 3, Duration.ofMillis(20), Duration.ofMinutes(5), 10,
                Duration.ofMillis(200), Duration.ofSeconds(1));
        OutboxWorker second = new OutboxWorker(outbox, client, busy);
        OutboxWorker third = new OutboxWorker(outbox, client, busy);
        second.start();
        third.start();
        try {
            List<String> recipients = java.util.stream.IntStream.range(0, 40).mapToObj(i -> unique("many" + i)).toList();
            List<Long> ids = recipients.stream().map(this::enqueue).toList();
            for (long id : ids) {
                await(id, OutboxState.SENT);
            }
            Thread.sleep(500);
            Set<String> all = Set.copyOf(recipients);
            List<String> delivered = RELAY.received().stream().flatMap(r -> r.recipients().stream()).filter(all::contains).toList();
            assertThat(delivered).hasSize(40).doesNotHaveDuplicates();
            assertThat(ids.stream().map(id -> outbox.find(id).orElseThrow().attempts()).collect(Collectors.toSet()))
                    .containsOnly(1);
        } finally {
            second.stop();
            third.stop();
        }
    }
}
