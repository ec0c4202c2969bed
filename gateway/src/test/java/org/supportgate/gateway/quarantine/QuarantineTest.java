package org.supportgate.gateway.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.mail.RecordingRelay;
import org.supportgate.gateway.spool.QueueId;
import org.supportgate.ticketing.quarantine.DecisionOutcome;
import org.supportgate.ticketing.quarantine.NoticeAudience;
import org.supportgate.ticketing.quarantine.Quarantine;
import org.supportgate.ticketing.quarantine.QuarantineOutcome;
import org.supportgate.ticketing.quarantine.QuarantineRequest;
import org.supportgate.ticketing.quarantine.QuarantineVerdict;
import org.supportgate.ticketing.quarantine.Signal;
import org.supportgate.ticketing.quarantine.Trigger;
import org.supportgate.ticketing.reply.NoReplyReason;
import org.supportgate.ticketing.reply.ReplyDecision;
import org.supportgate.ticketing.ticket.AttachmentData;
import tools.jackson.databind.JsonNode;

/**
 * The quarantine on the embedded database: holding stores the evidence and queues refusal notices
 * (which reach a recording relay), staff release and reject through the API.
 */
class QuarantineTest extends GatewayTest {

    private static final RecordingRelay RELAY = new RecordingRelay();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] BOUNCE_LOG = "550 5.7.1 rejected by contoso\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        RELAY.register(registry);
        registry.add("supportgate.console.public-url", () -> "https://console.support.example/");
    }

    @AfterAll
    static void stopRelay() {
        RELAY.close();
    }

    @Autowired
    Quarantine quarantine;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void directory() throws Exception {
        assertThat(post("/api/partners/import", TOKEN, """
                partners:
                  - id: acme
                    name: Acme IT
                    domains: [acme.example]
                    contacts:
                      - {email: root@acme.example, name: Rita Root, role: admin}
                      - {email: boss@acme.example, name: Boris Boss, role: admin}
                      - {email: tech@acme.example, name: Tina Tech, role: technical}
                      - {email: gone@acme.example, name: Gary Gone, role: admin, active: false}
                """).statusCode()).isEqualTo(200);
    }

    /** A spooled message for the item to point at (the intake has "done" it, so it stays put). */
    String spooled() {
        String id = QueueId.next();
        jdbc.sql("""
                        INSERT INTO inbound_message (id, state, received_at, client_ip, mail_from, rcpt_to, size, sha256,
                                                     trace_header, raw, next_attempt_at)
                        VALUES (:id, 'done', now(), '127.0.0.1', 'x@y', '{support@localhost}', 1, 'x', '', '\\x00', now())
                        """)
                .param("id", id).update();
        return id;
    }

    static String unique(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    }

    /** A sensitive routing change from an authenticated contact, short of the support code it needs. */
    QuarantineRequest routingChange(String from, String body, NoticeAudience audience) {
        return new QuarantineRequest(spooled(), from, from, "Alice Acme", "Please change our smarthost",
                "<" + UUID.randomUUID() + "@acme.example>", List.of(), Map.of(), true, "acme", true,
                List.of("mail_routing"), List.of(new Trigger("mail_routing", "change our smarthost")),
                "{\"dmarc\": {\"result\": \"pass\"}}",
                List.of(new Signal("reply_to_other_domain", "Reply-To: x@evil.example")),
                Assurance.EMAIL, Assurance.SUPPORT_CODE, List.of("mail_routing needs support_code"), body, List.of(), audience);
    }

    /** Mail claiming a partner's address that failed DMARC under p=reject: not sensitive. */
    QuarantineRequest failedAuthentication(String from, NoticeAudience audience) {
        return new QuarantineRequest(spooled(), from, from, "", "Our mail bounces", "", List.of(), Map.of(), false,
                "acme", false, List.of(), List.of(), "{\"dmarc\": {\"result\": \"fail\", \"policy\": \"reject\"}}",
                List.of(), Assurance.NONE, Assurance.EMAIL, List.of("failed authentication"),
                "Mail to contoso bounces since this morning.",
                List.of(new AttachmentData("bounce.txt", "text/plain", BOUNCE_LOG)), audience);
    }

    QuarantineOutcome hold(QuarantineRequest request) {
        return transactions.execute(status -> quarantine.hold(request));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    List<RecordingRelay.Received> awaitMailTo(String address, int atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).size() >= atLeast);
        return mailTo(address);
    }

    List<RecordingRelay.Received> mailTo(String address) {
        return RELAY.received().stream().filter(r -> r.recipients().contains(address)).toList();
    }

    HttpResponse<String> postJson(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void holdsASensitiveRequestWithItsEvidenceAndQueuesANoticeToTheSender() throws Exception {
        String alice = unique("alice");
        String marker = "BODY-MARKER-" + UUID.randomUUID();
        QuarantineRequest request = routingChange(alice, "Set the smarthost to 203.0.113.9. " + marker, new NoticeAudience.Sender(alice));

        QuarantineOutcome outcome = hold(request);

        assertThat(outcome.replayed()).isFalse();
        assertThat(outcome.notices()).containsExactly(new QuarantineOutcome.Notice(alice, new ReplyDecision.Reply(alice)));
        assertThat(json.readTree(json.writeValueAsString(QuarantineVerdict.of(outcome)))).isEqualTo(json.readTree("""
                {"kind": "quarantine", "quarantineId": %d, "categories": ["mail_routing"],
                 "reasons": ["mail_routing needs support_code"], "assurance": "email", "requiredAssurance": "support_code"}
                """.formatted(outcome.quarantineId())));

        JsonNode item = getJson("/api/quarantine/" + outcome.quarantineId());
        assertThat(item.path("state").asString()).isEqualTo("pending");
        assertThat(item.path("spoolId").asString()).isEqualTo(request.spoolId());
        assertThat(item.path("raw").asString()).isEqualTo("/api/messages/" + request.spoolId() + "/raw");
        assertThat(item.path("fromAddress").asString()).isEqualTo(alice);
        assertThat(item.path("partnerId").asString()).isEqualTo("acme");
        assertThat(item.path("sensitive").asBoolean()).isTrue();
        assertThat(item.path("releasesNeeded").asInt()).isEqualTo(2);
        assertThat(item.path("triggers").get(0).path("phrase").asString()).isEqualTo("change our smarthost");
        assertThat(item.path("signals").get(0).path("kind").asString()).isEqualTo("reply_to_other_domain");
        assertThat(item.path("authentication").path("dmarc").path("result").asString()).isEqualTo("pass");
        assertThat(item.path("assurance").asString()).isEqualTo("email");
        assertThat(item.path("requiredAssurance").asString()).isEqualTo("support_code");
        assertThat(item.path("notices").get(0).path("state").asString()).isEqualTo("queued");
        assertThat(count("SELECT count(*) FROM audit_event WHERE subject = ? AND action = 'quarantine.held'",
                "quarantine:" + outcome.quarantineId())).isOne();

        String notice = awaitMailTo(alice, 1).getFirst().text();
        assertThat(notice).doesNotContain(marker).doesNotContain("203.0.113.9").doesNotContain("smarthost to")
                .doesNotContain("reply_to_other_domain")
                .contains("Auto-Submitted: auto-replied", "X-Supportgate-Loop: mx.support.example", "In-Reply-To: <",
                        "Q-" + outcome.quarantineId(), "https://console.support.example/", "support code",
                        "Mail routing changes need a support code");
        assertThat(count("SELECT count(*) FROM auto_reply_log WHERE recipient = ? AND kind = 'notice'", alice)).isOne();
    }

    @Test
    void replayingAHoldFindsTheItemAgainWithoutASecondNotice() {
        String alice = unique("alice");
        QuarantineRequest request = routingChange(alice, "body", new NoticeAudience.Sender(alice));
        QuarantineOutcome first = hold(request);
        QuarantineOutcome again = hold(request);
        assertThat(again.replayed()).isTrue();
        assertThat(again.quarantineId()).isEqualTo(first.quarantineId());
        assertThat(count("SELECT count(*) FROM outbox WHERE envelope_to = ?", alice)).isOne();
    }

    @Test
    void tellsEveryActiveAdminOfThePartnerWhenAForgedMessageClaimsItsDomain() {
        String forged = unique("ceo");
        String marker = "FORGED-" + UUID.randomUUID();
        QuarantineRequest request = failedAuthentication(forged, new NoticeAudience.PartnerAdmins("acme"));
        request = new QuarantineRequest(request.spoolId(), request.mailFrom(), request.fromAddress(), request.fromName(),
                "Subject " + marker, request.messageId(), request.references(), request.headers(), false, "acme", false,
                List.of(), List.of(), request.authenticationJson(), List.of(), Assurance.NONE, Assurance.EMAIL,
                List.of("failed authentication"), "Body " + marker, List.of(new AttachmentData(marker + ".txt", "text/plain",
                        marker.getBytes(java.nio.charset.StandardCharsets.UTF_8))), request.audience());

        QuarantineOutcome outcome = hold(request);

        assertThat(outcome.notices()).extracting(QuarantineOutcome.Notice::recipient)
                .containsExactlyInAnyOrder("root@acme.example", "boss@acme.example");
        assertThat(count("SELECT count(*) FROM outbox WHERE envelope_to = ?", forged)).isZero();
        for (String admin : List.of("root@acme.example", "boss@acme.example")) {
            String notice = awaitMailTo(admin, 1).getFirst().text();
            assertThat(notice).doesNotContain(marker).doesNotContain("In-Reply-To")
                    .contains(forged, "did not pass email authentication", "Q-" + outcome.quarantineId());
        }
        assertThat(mailTo("tech@acme.example")).isEmpty();
        assertThat(mailTo("gone@acme.example")).isEmpty();
    }

    @Test
    void anUnknownUnauthenticatedSenderHearsNothing() {
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@unknown.example";
        QuarantineOutcome outcome = hold(new QuarantineRequest(spooled(), stranger, stranger, "", "hi", "", List.of(),
                Map.of(), false, "", false, List.of(), List.of(), "{}", List.of(), Assurance.NONE, Assurance.EMAIL,
                List.of("failed authentication"), "text", List.of(), new NoticeAudience.Nobody()));
        assertThat(outcome.notices()).isEmpty();
        assertThat(count("SELECT count(*) FROM outbox WHERE envelope_to = ?", stranger)).isZero();
        assertThat(count("SELECT count(*) FROM quarantine_notice WHERE item_id = ?", outcome.quarantineId())).isZero();
    }

    @Test
    void holdsBackASecondAndThirdNoticeToTheSameAddressWithinTheWindow() {
        String alice = unique("alice");
        List<ReplyDecision> decisions = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            decisions.add(hold(routingChange(alice, "request " + i, new NoticeAudience.Sender(alice))).notices().getFirst().decision());
        }
        assertThat(decisions.getFirst()).isInstanceOf(ReplyDecision.Reply.class);
        assertThat(decisions.subList(1, 3)).allSatisfy(d -> assertThat(d).isInstanceOfSatisfying(ReplyDecision.NoReply.class,
                no -> assertThat(no.reason()).isEqualTo(NoReplyReason.ADDRESS_CAP_REACHED)));
        assertThat(count("SELECT count(*) FROM outbox WHERE envelope_to = ?", alice)).isOne();
        assertThat(count("SELECT count(*) FROM quarantine_notice WHERE recipient = ? AND held_because = 'address_cap_reached'",
                alice)).isEqualTo(2);
    }

    @Test
    void automaticMailGetsNoNoticeEvenFromAnAuthenticatedSender() {
        String alice = unique("alice");
        QuarantineRequest base = routingChange(alice, "body", new NoticeAudience.Sender(alice));
        QuarantineOutcome outcome = hold(new QuarantineRequest(base.spoolId(), base.mailFrom(), base.fromAddress(),
                base.fromName(), base.subject(), base.messageId(), List.of(), Map.of("Auto-Submitted", "auto-generated"),
                true, "acme", true, base.categories(), base.triggers(), base.authenticationJson(), base.signals(),
                base.assurance(), base.requiredAssurance(), base.reasons(), base.textBody(), List.of(), base.audience()));
        assertThat(outcome.notices().getFirst().decision()).isInstanceOfSatisfying(ReplyDecision.NoReply.class,
                no -> assertThat(no.reason()).isEqualTo(NoReplyReason.AUTO_SUBMITTED));
        assertThat(count("SELECT count(*) FROM outbox WHERE envelope_to = ?", alice)).isZero();
    }

    @Test
    void oneReleaseOpensATicketForANonSensitiveItemMarkedWithWhoAndWhy() throws Exception {
        String alice = unique("alice");
        QuarantineOutcome held = hold(failedAuthentication(alice, new NoticeAudience.Nobody()));

        HttpResponse<String> released = postJson("/api/quarantine/" + held.quarantineId() + "/release", TOKEN,
                "{\"staff\": \"carol\", \"reason\": \"confirmed by phone\"}");

        assertThat(released.statusCode()).isEqualTo(200);
        String number = json.readTree(released.body()).path("ticket").asString();
        JsonNode ticket = getJson("/api/tickets/" + number);
        assertThat(ticket.path("requester").asString()).isEqualTo(alice);
        assertThat(ticket.path("partnerId").asString()).isEqualTo("acme");
        assertThat(ticket.path("subject").asString()).isEqualTo("Our mail bounces");
        assertThat(ticket.path("messages").get(0).path("textBody").asString()).contains("Mail to contoso bounces");
        assertThat(ticket.path("messages").get(0).path("releasedBy").asString()).isEqualTo("carol");
        JsonNode attachment = ticket.path("messages").get(0).path("attachments").get(0);
        assertThat(attachment.path("name").asString()).isEqualTo("bounce.txt");
        assertThat(attachment.path("sha256").asString()).isEqualTo(org.supportgate.gateway.spool.SpoolEntry.sha256Hex(BOUNCE_LOG));
        assertThat(ticket.path("messages").get(0).path("releaseReason").asString()).isEqualTo("carol: confirmed by phone");
        assertThat(jdbc.sql("SELECT released_by || ' / ' || release_reason FROM ticket_message WHERE inbound_message_id = ?")
                .param(getJson("/api/quarantine/" + held.quarantineId()).path("spoolId").asString())
                .query(String.class).single()).isEqualTo("carol / carol: confirmed by phone");
        JsonNode item = getJson("/api/quarantine/" + held.quarantineId());
        assertThat(item.path("state").asString()).isEqualTo("released");
        assertThat(item.path("ticket").asString()).isEqualTo(number);
        assertThat(item.path("attachments").get(0).path("size").asLong()).isEqualTo(BOUNCE_LOG.length);
        assertThat(item.path("decisions").get(0).path("staff").asString()).isEqualTo("carol");
        assertThat(count("SELECT count(*) FROM audit_event WHERE subject = ? AND action = 'quarantine.released' AND actor = 'carol'",
                "quarantine:" + held.quarantineId())).isOne();

        HttpResponse<String> again = postJson("/api/quarantine/" + held.quarantineId() + "/release", TOKEN,
                "{\"staff\": \"dave\", \"reason\": \"again\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).path("error").asString()).isEqualTo("already_decided");
    }

    @Test
    void aSensitiveItemNeedsTwoDifferentStaffToRelease() throws Exception {
        String alice = unique("alice");
        QuarantineOutcome held = hold(routingChange(alice, "Set the smarthost.", new NoticeAudience.Sender(alice)));
        String path = "/api/quarantine/" + held.quarantineId() + "/release";

        HttpResponse<String> first = postJson(path, TOKEN, "{\"staff\": \"carol\", \"reason\": \"code verified on the phone\"}");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(getJson("/api/quarantine/" + held.quarantineId()).path("state").asString()).isEqualTo("pending");
        assertThat(count("SELECT count(*) FROM ticket WHERE requester = ?", alice)).isZero();

        HttpResponse<String> same = postJson(path, TOKEN, "{\"staff\": \"Carol\", \"reason\": \"really\"}");
        assertThat(same.statusCode()).isEqualTo(409);
        assertThat(json.readTree(same.body()).path("error").asString()).isEqualTo("same_staff");

        HttpResponse<String> second = postJson(path, TOKEN, "{\"staff\": \"dave\", \"reason\": \"agreed\"}");
        assertThat(second.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(second.body());
        assertThat(body.path("releasedBy").toString()).isEqualTo("[\"carol\",\"dave\"]");
        assertThat(count("SELECT count(*) FROM ticket WHERE requester = ?", alice)).isOne();
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE subject = ? ORDER BY id")
                .param("quarantine:" + held.quarantineId()).query(String.class).list())
                .containsExactly("quarantine.held", "quarantine.release_approved", "quarantine.released");
    }

    @Test
    void rejectsWithAndWithoutANotice() throws Exception {
        String alice = unique("alice");
        QuarantineOutcome quiet = hold(routingChange(alice, "one", new NoticeAudience.Sender(alice)));
        QuarantineOutcome told = hold(routingChange(alice, "two", new NoticeAudience.Sender(alice)));

        HttpResponse<String> withoutNotice = postJson("/api/quarantine/" + quiet.quarantineId() + "/reject", TOKEN,
                "{\"staff\": \"carol\", \"reason\": \"not a partner request\"}");
        assertThat(withoutNotice.statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM quarantine_notice WHERE item_id = ? AND occasion = 'reject'",
                quiet.quarantineId())).isZero();

        HttpResponse<String> withNotice = postJson("/api/quarantine/" + told.quarantineId() + "/reject", TOKEN,
                "{\"staff\": \"carol\", \"reason\": \"use the console\", \"notify\": true}");
        assertThat(withNotice.statusCode()).isEqualTo(200);
        assertThat(json.readTree(withNotice.body()).path("notices").get(0).path("state").asString()).isEqualTo("queued");
        assertThat(count("SELECT count(*) FROM quarantine_notice WHERE item_id = ? AND occasion = 'reject' AND outbox_id IS NOT NULL",
                told.quarantineId())).isOne();
        assertThat(awaitMailTo(alice, 2).stream().map(RecordingRelay.Received::text))
                .anyMatch(text -> text.contains("Our staff reviewed it (Q-" + told.quarantineId() + ") and rejected it."));

        for (QuarantineOutcome item : List.of(quiet, told)) {
            assertThat(getJson("/api/quarantine/" + item.quarantineId()).path("state").asString()).isEqualTo("rejected");
            assertThat(count("SELECT count(*) FROM audit_event WHERE subject = ? AND action = 'quarantine.rejected'",
                    "quarantine:" + item.quarantineId())).isOne();
        }
        assertThat(postJson("/api/quarantine/" + told.quarantineId() + "/release", TOKEN,
                "{\"staff\": \"dave\", \"reason\": \"changed my mind\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void listsNewestFirstFilteredByState() throws Exception {
        String alice = unique("alice");
        QuarantineOutcome older = hold(failedAuthentication(alice, new NoticeAudience.Nobody()));
        QuarantineOutcome newer = hold(failedAuthentication(alice, new NoticeAudience.Nobody()));
        quarantine.reject(older.quarantineId(), "carol", "spam", false);

        JsonNode all = getJson("/api/quarantine?limit=200");
        List<Long> ids = new java.util.ArrayList<>();
        all.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        assertThat(ids).contains(older.quarantineId(), newer.quarantineId());
        assertThat(ids.indexOf(newer.quarantineId())).isLessThan(ids.indexOf(older.quarantineId()));

        JsonNode pending = getJson("/api/quarantine?state=pending&limit=200");
        List<Long> pendingIds = new java.util.ArrayList<>();
        pending.path("items").forEach(i -> {
            assertThat(i.path("state").asString()).isEqualTo("pending");
            pendingIds.add(i.path("id").asLong());
        });
        assertThat(pendingIds).contains(newer.quarantineId()).doesNotContain(older.quarantineId());

        JsonNode page = getJson("/api/quarantine?limit=1");
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("next").asString()).contains("before=" + page.path("items").get(0).path("id").asLong());
    }

    @Test
    void answersClearErrors() throws Exception {
        String alice = unique("alice");
        QuarantineOutcome held = hold(failedAuthentication(alice, new NoticeAudience.Nobody()));
        String release = "/api/quarantine/" + held.quarantineId() + "/release";

        assertThat(get("/api/quarantine/999999999", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/api/quarantine/'%20OR%201=1", TOKEN).statusCode()).isEqualTo(404);
        assertThat(postJson("/api/quarantine/999999999/release", TOKEN, "{\"staff\": \"a\", \"reason\": \"b\"}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> noStaff = postJson(release, TOKEN, "{\"reason\": \"b\"}");
        assertThat(noStaff.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noStaff.body()).path("error").asString()).isEqualTo("invalid_decision");
        assertThat(postJson(release, TOKEN, "{\"staff\": \"  \", \"reason\": \"b\"}").statusCode()).isEqualTo(400);
        assertThat(get("/api/quarantine?state=maybe", TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/api/quarantine", null).statusCode()).isEqualTo(401);
        assertThat(postJson(release, null, "{\"staff\": \"a\", \"reason\": \"b\"}").statusCode()).isEqualTo(401);
        assertThat(postJson(release, "wrong", "{\"staff\": \"a\", \"reason\": \"b\"}").statusCode()).isEqualTo(401);
        assertThat(getJson("/api/quarantine/" + held.quarantineId()).path("state").asString()).isEqualTo("pending");
        assertThatThrownBy(() -> quarantine.release(held.quarantineId(), "", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(quarantine.reject(held.quarantineId(), "carol", "done", false)).isInstanceOf(DecisionOutcome.Rejected.class);
        HttpResponse<String> twice = postJson("/api/quarantine/" + held.quarantineId() + "/reject", TOKEN,
                "{\"staff\": \"dave\", \"reason\": \"again\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
    }

    @Test
    void leavesNothingBehindWhenTheSurroundingTransactionRollsBack() {
        String bob = unique("bob");
        QuarantineRequest request = routingChange(bob, "body", new NoticeAudience.Sender(bob));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            quarantine.hold(request);
            throw new IllegalStateException("the spool update failed");
        })).hasMessage("the spool update failed");
        assertThat(count("SELECT count(*) FROM quarantine_item WHERE inbound_message_id = ?", request.spoolId())).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE envelope_to = ?", bob)).isZero();
        assertThat(count("SELECT count(*) FROM auto_reply_log WHERE recipient = ?", bob)).isZero();
    }

    @Test
    void twoStaffReleasingAtOnceOpenOneTicketAndOneStaffTwiceAtOnceCountsOnce() throws Exception {
        String alice = unique("alice");
        QuarantineOutcome held = hold(routingChange(alice, "body", new NoticeAudience.Sender(alice)));
        List<DecisionOutcome> together = releaseAtOnce(held.quarantineId(), "carol", "dave");
        assertThat(together).hasOnlyElementsOfTypes(DecisionOutcome.AwaitingSecondRelease.class, DecisionOutcome.Released.class)
                .anyMatch(o -> o instanceof DecisionOutcome.Released);
        assertThat(count("SELECT count(*) FROM ticket WHERE requester = ?", alice)).isOne();

        String erin = unique("erin");
        QuarantineOutcome other = hold(routingChange(erin, "body", new NoticeAudience.Sender(erin)));
        List<DecisionOutcome> twice = releaseAtOnce(other.quarantineId(), "carol", "carol");
        assertThat(twice).hasOnlyElementsOfTypes(DecisionOutcome.AwaitingSecondRelease.class, DecisionOutcome.SameStaffTwice.class)
                .hasSize(2).anyMatch(o -> o instanceof DecisionOutcome.SameStaffTwice);
        assertThat(count("SELECT count(*) FROM ticket WHERE requester = ?", erin)).isZero();
        assertThat(count("SELECT count(*) FROM quarantine_decision WHERE item_id = ?", other.quarantineId())).isOne();
    }

    private List<DecisionOutcome> releaseAtOnce(long id, String first, String second) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            List<java.util.concurrent.Future<DecisionOutcome>> results = List.of(first, second).stream()
                    .map(staff -> pool.submit(() -> {
                        start.await();
                        return quarantine.release(id, staff, "at once");
                    })).toList();
            start.countDown();
            List<DecisionOutcome> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<DecisionOutcome> result : results) {
                outcomes.add(result.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return outcomes;
        }
    }
}
