package org.supportgate.gateway.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.spool.QueueId;
import org.supportgate.ticketing.reply.NoReplyReason;
import org.supportgate.ticketing.reply.ReplyDecision;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.ticketing.ticket.AttachmentData;
import org.supportgate.ticketing.ticket.InboundRequest;
import org.supportgate.ticketing.ticket.ThreadMatch;
import org.supportgate.ticketing.ticket.TicketNumbers;
import org.supportgate.ticketing.ticket.TicketOutcome;
import org.supportgate.ticketing.ticket.Tickets;
import tools.jackson.databind.JsonNode;

class TicketsTest extends GatewayTest {

    @Autowired
    Tickets tickets;

    @Autowired
    TransactionTemplate transactions;

    /** A spooled message for the ticket to point at (the intake has "done" it, so it stays put). */
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
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@partner.example";
    }

    InboundRequest request(String from, String subject, String inReplyTo, Map<String, String> headers,
            boolean authenticated, List<AttachmentData> attachments) {
        return new InboundRequest(spooled(), from, from, "Alice Partner", subject,
                "<" + UUID.randomUUID() + "@partner.example>", inReplyTo == null ? List.of() : List.of(inReplyTo),
                inReplyTo, headers, authenticated, authenticated ? Assurance.EMAIL : Assurance.NONE, null,
                List.of("delivery"), "Our queue is stuck.", attachments);
    }

    InboundRequest request(String from, String subject) {
        return request(from, subject, null, Map.of(), true, List.of());
    }

    long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    @Test
    void opensTicketAndQueuesAcknowledgementInOneTransaction() {
        String alice = unique("alice");
        TicketOutcome outcome = tickets.openOrJoin(request(alice, "Mail stuck in queue"));

        assertThat(outcome.created()).isTrue();
        assertThat(TicketNumbers.isWellFormed(outcome.ticketNumber())).isTrue();
        assertThat(outcome.reply()).isEqualTo(new ReplyDecision.Reply(alice));
        assertThat(count("SELECT count(*) FROM ticket_message WHERE ticket_id = ? AND direction = 'inbound'", outcome.ticketId())).isOne();
        assertThat(count("SELECT count(*) FROM auto_reply_log WHERE ticket_id = ?", outcome.ticketId())).isOne();
        String raw = jdbc.sql("SELECT convert_from(raw, 'UTF8') FROM outbox WHERE ticket_id = ? AND kind = 'ack'")
                .param(outcome.ticketId()).query(String.class).single();
        assertThat(raw).contains("Subject: [" + outcome.ticketNumber() + "] Mail stuck in queue\r\n")
                .contains("Auto-Submitted: auto-replied\r\n")
                .contains("X-Supportgate-Loop: mx.support.example\r\n")
                .contains("In-Reply-To: <")
                .contains("ticket " + outcome.ticketNumber());
        String messageId = jdbc.sql("SELECT message_id FROM outbox WHERE ticket_id = ?").param(outcome.ticketId())
                .query(String.class).single();
        assertThat(raw).contains("Message-ID: <" + messageId + ">");
        assertThat(messageId).endsWith("@mx.support.example");
        assertThat(count("SELECT count(*) FROM outgoing_message_id WHERE ticket_id = ?", outcome.ticketId())).isOne();
    }

    @Test
    void leavesNothingBehindWhenTheSurroundingTransactionRollsBack() {
        String bob = unique("bob");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            tickets.openOrJoin(request(bob, "Will roll back"));
            throw new IllegalStateException("the spool update failed");
        })).hasMessage("the spool update failed");
        assertThat(count("SELECT count(*) FROM ticket WHERE requester = ?", bob)).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE envelope_to = ?", bob)).isZero();
        assertThat(count("SELECT count(*) FROM auto_reply_log WHERE recipient = ?", bob)).isZero();
    }

    @Test
    void aReplyToOurAcknowledgementJoinsItsTicketWithoutASecondAcknowledgement() {
        String alice = unique("alice");
        TicketOutcome first = tickets.openOrJoin(request(alice, "Users cannot send"));
        String ourId = jdbc.sql("SELECT message_id FROM outbox WHERE ticket_id = ?").param(first.ticketId())
                .query(String.class).single();

        TicketOutcome reply = tickets.openOrJoin(request(alice, "Re: something else entirely", "<" + ourId + ">",
                Map.of(), true, List.of()));

        assertThat(reply.ticketNumber()).isEqualTo(first.ticketNumber());
        assertThat(reply.how()).isEqualTo(TicketOutcome.How.JOINED_BY_REFERENCE);
        assertThat(reply.reply()).isInstanceOfSatisfying(ReplyDecision.NoReply.class,
                no -> assertThat(no.reason()).isEqualTo(NoReplyReason.THREAD_ALREADY_ACKNOWLEDGED));
        assertThat(count("SELECT count(*) FROM outbox WHERE ticket_id = ?", first.ticketId())).isOne();
    }

    @Test
    void theRequesterJoinsByTagBehindAnotherHelpdesksTag() {
        String alice = unique("alice");
        TicketOutcome first = tickets.openOrJoin(request(alice, "Domain blacklisted"));
        TicketOutcome tagged = tickets.openOrJoin(request(alice, "Re: [#1234] Ticket Received - [" + first.ticketNumber() + "] Domain blacklisted"));
        assertThat(tagged.how()).isEqualTo(TicketOutcome.How.JOINED_BY_SUBJECT_TAG);
        assertThat(tagged.ticketId()).isEqualTo(first.ticketId());
    }

    @Test
    void aStrangerQuotingSomeoneElsesTagGetsANewTicketAndTheAttemptIsRecorded() {
        TicketOutcome alices = tickets.openOrJoin(request(unique("alice"), "Change our smarthost"));
        String mallory = "mallory-" + UUID.randomUUID().toString().substring(0, 8) + "@evil.example";

        TicketOutcome attempt = tickets.openOrJoin(request(mallory, "Re: [" + alices.ticketNumber() + "] new IP is 203.0.113.9"));

        assertThat(attempt.created()).isTrue();
        assertThat(attempt.ticketNumber()).isNotEqualTo(alices.ticketNumber());
        assertThat(attempt.refusals()).extracting(ThreadMatch.Refusal::reason)
                .containsExactly(ThreadMatch.RefusalReason.NOT_A_PARTICIPANT);
        assertThat(jdbc.sql("SELECT reason FROM thread_refusal WHERE claimed_ticket_id = ? AND sender = ?")
                .params(alices.ticketId(), mallory).query(String.class).list())
                .containsExactly("subject_tag: not_a_participant");
        assertThat(jdbc.sql("SELECT subject FROM ticket WHERE id = ?").param(attempt.ticketId()).query(String.class).single())
                .isEqualTo("Re: new IP is 203.0.113.9");
        assertThat(org.supportgate.ticketing.ticket.TicketVerdict.of(attempt)).isEqualTo(new org.supportgate.ticketing.ticket.TicketVerdict(
                "ticket", attempt.ticketNumber(), true, "opened", "queued", null, List.of(alices.ticketNumber())));
    }

    @Test
    void replayingASpooledMessageFindsItsTicketAgain() {
        InboundRequest request = request(unique("alice"), "Once only");
        TicketOutcome first = tickets.openOrJoin(request);
        TicketOutcome again = tickets.openOrJoin(request);
        assertThat(again.how()).isEqualTo(TicketOutcome.How.REPLAYED);
        assertThat(again.ticketId()).isEqualTo(first.ticketId());
        assertThat(count("SELECT count(*) FROM ticket_message WHERE ticket_id = ?", first.ticketId())).isEqualTo(2);
    }

    @Test
    void automaticMailBecomesATicketWithoutAReply() {
        String alice = unique("alice");
        TicketOutcome outcome = tickets.openOrJoin(request(alice, "Out of office", null,
                Map.of("Auto-Submitted", "auto-replied"), true, List.of()));
        assertThat(outcome.created()).isTrue();
        assertThat(outcome.reply()).isEqualTo(new ReplyDecision.NoReply(NoReplyReason.AUTO_SUBMITTED,
                "Auto-Submitted: auto-replied"));
        assertThat(count("SELECT count(*) FROM outbox WHERE envelope_to = ?", alice)).isZero();
        assertThat(org.supportgate.ticketing.ticket.TicketVerdict.of(outcome).replyHeldBecause()).isEqualTo("auto_submitted");
    }

    @Test
    void capsAcknowledgementsPerAddressPerHour() {
        String busy = unique("busy");
        List<ReplyDecision> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replies.add(tickets.openOrJoin(request(busy, "Problem " + i)).reply());
        }
        assertThat(replies.subList(0, 5)).allMatch(r -> r instanceof ReplyDecision.Reply);
        assertThat(replies.get(5)).isInstanceOfSatisfying(ReplyDecision.NoReply.class,
                no -> assertThat(no.reason()).isEqualTo(NoReplyReason.ADDRESS_CAP_REACHED));
        assertThat(count("SELECT count(*) FROM ticket WHERE requester = ?", busy)).isEqualTo(6);
    }

    @Test
    void tripsTheBreakerOnAFloodFromOneAddressAndKeepsItOpen() {
        String helpdesk = unique("helpdesk");
        ReplyDecision last = null;
        for (int i = 0; i < 10; i++) {
            last = tickets.openOrJoin(request(helpdesk, "Ticket received #" + i)).reply();
        }
        assertThat(last).isInstanceOfSatisfying(ReplyDecision.NoReply.class,
                no -> assertThat(no.reason()).isEqualTo(NoReplyReason.BREAKER_OPEN));
        Timestamp openUntil = jdbc.sql("SELECT open_until FROM reply_breaker WHERE recipient = ?").param(helpdesk)
                .query(Timestamp.class).single();
        assertThat(openUntil.toInstant()).isAfter(Instant.now().plusSeconds(23 * 3600));
        assertThat(tickets.openOrJoin(request(helpdesk, "And another")).reply())
                .isInstanceOfSatisfying(ReplyDecision.NoReply.class, no -> assertThat(no.reason()).isEqualTo(NoReplyReason.BREAKER_OPEN));
    }

    @Test
    void tripsTheBreakerWhenAnotherHelpdeskAnswersOurAcknowledgementWithStackedTags() {
        String helpdesk = unique("helpdesk");
        TicketOutcome first = tickets.openOrJoin(request(helpdesk, "Your order"));
        TicketOutcome echo = tickets.openOrJoin(request(helpdesk, "[#4411] Ticket Received - [" + first.ticketNumber() + "] Your order"));
        assertThat(echo.ticketId()).isEqualTo(first.ticketId());
        assertThat(echo.reply()).isInstanceOfSatisfying(ReplyDecision.NoReply.class,
                no -> assertThat(no.reason()).isEqualTo(NoReplyReason.BREAKER_OPEN));
        assertThat(count("SELECT count(*) FROM reply_breaker WHERE recipient = ?", helpdesk)).isOne();
    }

    @Test
    void storesAttachmentsWithTheirHashAndServesTicketAndAttachmentOverTheApi() throws Exception {
        byte[] log = "2026-11-22 09:00 queue stuck\n".getBytes(StandardCharsets.UTF_8);
        TicketOutcome outcome = tickets.openOrJoin(request(unique("alice"), "Log attached", null, Map.of(), true,
                List.of(new AttachmentData("queue.log", "text/plain", log))));

        HttpResponse<byte[]> response = get("/api/tickets/" + outcome.ticketNumber(), TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ticket = json.readTree(response.body());
        assertThat(ticket.path("number").asString()).isEqualTo(outcome.ticketNumber());
        assertThat(ticket.path("status").asString()).isEqualTo("new");
        assertThat(ticket.path("assurance").asString()).isEqualTo("email");
        assertThat(ticket.path("messages")).hasSize(2);
        JsonNode inbound = ticket.path("messages").get(0);
        assertThat(inbound.path("direction").asString()).isEqualTo("inbound");
        JsonNode attachment = inbound.path("attachments").get(0);
        assertThat(attachment.path("name").asString()).isEqualTo("queue.log");
        assertThat(attachment.path("size").asLong()).isEqualTo(log.length);
        assertThat(attachment.path("sha256").asString()).isEqualTo(org.supportgate.gateway.spool.SpoolEntry.sha256Hex(log));
        JsonNode outbound = ticket.path("messages").get(1);
        assertThat(outbound.path("direction").asString()).isEqualTo("outbound");
        assertThat(outbound.path("delivery").path("state").asString()).isIn("queued", "sending", "sent");

        HttpResponse<byte[]> bytes = get("/api/tickets/" + outcome.ticketNumber() + "/attachments/" + attachment.path("id").asLong(), TOKEN);
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(log);
        assertThat(bytes.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(bytes.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
    }

    @Test
    void answers404And401LikeTheRestOfTheApi() throws Exception {
        assertThat(get("/api/tickets/SG-ZZZZZZ", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/api/tickets/'%20OR%201=1", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/api/tickets/SG-ZZZZZZ", null).statusCode()).isEqualTo(401);
        TicketOutcome other = tickets.openOrJoin(request(unique("carol"), "Other ticket", null, Map.of(), true,
                List.of(new AttachmentData("a.bin", "application/octet-stream", new byte[] {1, 2}))));
        long attachmentId = jdbc.sql("""
                        SELECT a.id FROM ticket_attachment a JOIN ticket_message m ON m.id = a.ticket_message_id
                         WHERE m.ticket_id = ?""").param(other.ticketId()).query(Long.class).single();
        TicketOutcome mine = tickets.openOrJoin(request(unique("dave"), "Mine"));
        // An attachment is served only under its own ticket's number.
        assertThat(get("/api/tickets/" + mine.ticketNumber() + "/attachments/" + attachmentId, TOKEN).statusCode()).isEqualTo(404);
    }
}
