package org.supportgate.ticketing.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transactional outbox. {@link #enqueue} joins the caller's transaction, so a reply exists
 * exactly when the ticket change that caused it committed. Workers {@link #claim} rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease; every later change names the claim token and the
 * {@code sending} state, so a row recorded as sent is never claimed or sent again, and a worker
 * whose lease ran out cannot overwrite the result of the one that took over.
 */
@Repository
public class Outbox {

    private static final String CLAIM = """
            WITH due AS (
                SELECT id FROM outbox
                 WHERE (state = 'queued' AND next_attempt_at <= now())
                    OR (state = 'sending' AND lease_until < now())
                 ORDER BY next_attempt_at
                 LIMIT :limit
                 FOR UPDATE SKIP LOCKED)
            UPDATE outbox o
               SET state = 'sending', attempts = o.attempts + 1, claim_token = :token, claimed_by = :worker,
                   lease_until = now() + make_interval(secs => :leaseSeconds), updated_at = now()
              FROM due
             WHERE o.id = due.id
            RETURNING o.id, o.attempts, o.message_id, o.envelope_from, o.envelope_to, o.raw
            """;

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to send, in the caller's transaction; the Message-ID is remembered for threading. */
    public long enqueue(Long ticketId, String kind, String messageId, String envelopeFrom, String envelopeTo,
            String verpToken, byte[] raw) {
        long id = jdbc.sql("""
                        INSERT INTO outbox (ticket_id, kind, message_id, envelope_from, envelope_to, verp_token, raw)
                        VALUES (:ticket, :kind, :messageId, :from, :to, :verp, :raw)
                        RETURNING id
                        """)
                .param("ticket", ticketId).param("kind", kind).param("messageId", messageId)
                .param("from", envelopeFrom).param("to", envelopeTo).param("verp", verpToken).param("raw", raw)
                .query(Long.class).single();
        if (ticketId != null) {
            jdbc.sql("INSERT INTO outgoing_message_id (message_id, ticket_id) VALUES (:messageId, :ticket)")
                    .param("messageId", messageId).param("ticket", ticketId)
                    .update();
        }
        return id;
    }

    /** Claims up to {@code limit} due rows: queued and due, or sending with an expired lease. */
    public List<OutboxClaim> claim(int limit, String worker, Duration lease) {
        UUID token = UUID.randomUUID();
        return jdbc.sql(CLAIM)
                .param("limit", limit).param("token", token).param("worker", worker)
                .param("leaseSeconds", (double) lease.toSeconds())
                .query((rs, n) -> new OutboxClaim(rs.getLong("id"), token, rs.getInt("attempts"),
                        rs.getString("message_id"), rs.getString("envelope_from"), rs.getString("envelope_to"),
                        rs.getBytes("raw")))
                .list();
    }

    /** The relay took it; false if the claim is no longer ours. */
    public boolean markSent(OutboxClaim claim, String relayReply) {
        return move(claim, """
                UPDATE outbox SET state = 'sent', relay_reply = :text, sent_at = now(), last_error = NULL,
                       lease_until = NULL, claim_token = NULL, updated_at = now()
                 WHERE id = :id AND claim_token = :token AND state = 'sending'
                """, relayReply, null);
    }

    /** A temporary failure: queued again for {@code nextAttemptAt}; false if the claim is no longer ours. */
    public boolean defer(OutboxClaim claim, Instant nextAttemptAt, String error) {
        return move(claim, """
                UPDATE outbox SET state = 'queued', last_error = :text, next_attempt_at = :next,
                       lease_until = NULL, claim_token = NULL, updated_at = now()
                 WHERE id = :id AND claim_token = :token AND state = 'sending'
                """, error, nextAttemptAt);
    }

    /** A permanent failure, kept with the reason; false if the claim is no longer ours. */
    public boolean fail(OutboxClaim claim, String error) {
        return move(claim, """
                UPDATE outbox SET state = 'failed', last_error = :text, lease_until = NULL, claim_token = NULL,
                       updated_at = now()
                 WHERE id = :id AND claim_token = :token AND state = 'sending'
                """, error, null);
    }

    public Optional<OutboxEntry> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Outbox::entry).optional();
    }

    public Optional<OutboxEntry> findByMessageId(String messageId) {
        return jdbc.sql(SELECT + " WHERE message_id = :messageId").param("messageId", messageId).query(Outbox::entry).optional();
    }

    /** The row whose envelope sender carried this VERP token. */
    public Optional<OutboxEntry> findByVerpToken(String token) {
        return jdbc.sql(SELECT + " WHERE verp_token = :token").param("token", token).query(Outbox::entry).optional();
    }

    public List<OutboxEntry> forTicket(long ticketId) {
        return jdbc.sql(SELECT + " WHERE ticket_id = :ticket ORDER BY id").param("ticket", ticketId).query(Outbox::entry).list();
    }

    private static final String SELECT = """
            SELECT id, ticket_id, kind, state, message_id, envelope_to, attempts, next_attempt_at, last_error,
                   relay_reply, created_at, sent_at
              FROM outbox""";

    private boolean move(OutboxClaim claim, String sql, String text, Instant next) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("id", claim.id()).param("token", claim.claimToken()).param("text", bounded(text));
        if (next != null) {
            statement = statement.param("next", Timestamp.from(next));
        }
        return statement.update() == 1;
    }

    private static String bounded(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        return new OutboxEntry(rs.getLong("id"), rs.wasNull() ? null : ticket, rs.getString("kind"),
                OutboxState.fromDb(rs.getString("state")), rs.getString("message_id"), rs.getString("envelope_to"),
                rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
                rs.getString("relay_reply"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
