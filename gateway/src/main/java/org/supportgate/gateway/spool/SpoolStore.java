package org.supportgate.gateway.spool;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims and moves spool rows. Claims use {@code FOR UPDATE SKIP LOCKED}, so workers in any number
 * of daemons never take the same row; every later change names the claim token, so a worker whose
 * lease expired cannot overwrite the work of the one that took over.
 */
@Repository
public class SpoolStore {

    private static final String CLAIM = """
            WITH due AS (
                SELECT id FROM inbound_message
                 WHERE (state IN ('queued', 'deferred') AND next_attempt_at <= now())
                    OR (state = 'processing' AND lease_until < now())
                 ORDER BY next_attempt_at
                 LIMIT :limit
                 FOR UPDATE SKIP LOCKED)
            UPDATE inbound_message m
               SET state = 'processing', attempts = m.attempts + 1, claim_token = :token,
                   claimed_by = :worker, lease_until = now() + make_interval(secs => :leaseSeconds),
                   updated_at = now()
              FROM due
             WHERE m.id = due.id
            RETURNING m.id, m.attempts, m.last_error
            """;

    private final JdbcClient jdbc;

    public SpoolStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} due rows (new, deferred and due, or abandoned by a dead worker). */
    public List<ClaimedMessage> claim(int limit, String worker, Duration lease) {
        UUID token = UUID.randomUUID();
        return jdbc.sql(CLAIM)
                .param("limit", limit)
                .param("token", token)
                .param("worker", worker)
                .param("leaseSeconds", (double) lease.toSeconds())
                .query((rs, n) -> new ClaimedMessage(rs.getString("id"), token, rs.getInt("attempts"),
                        rs.getString("last_error")))
                .list();
    }

    /** The envelope and raw bytes of a row, for the intake. */
    public Spooled load(String id) {
        return jdbc.sql("""
                        SELECT client_ip, helo, mail_from, rcpt_to, tls_protocol, tls_cipher, received_at, raw
                          FROM inbound_message WHERE id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Spooled(envelope(rs), rs.getBytes("raw")))
                .single();
    }

    public record Spooled(Envelope envelope, byte[] raw) {}

    /** Records the intake's result; false if the claim is no longer ours (nothing written). */
    public boolean finish(ClaimedMessage claim, String summaryJson, String verdictJson, String worker) {
        return jdbc.sql("""
                        UPDATE inbound_message
                           SET state = 'done', summary = CAST(:summary AS jsonb), verdict = CAST(:verdict AS jsonb),
                               processed_at = now(),
                               processed_by = :worker, lease_until = NULL, claim_token = NULL,
                               last_error = NULL, updated_at = now()
                         WHERE id = :id AND claim_token = :token AND state = 'processing'
                        """)
                .param("summary", summaryJson)
                .param("verdict", verdictJson)
                .param("worker", worker)
                .param("id", claim.id())
                .param("token", claim.claimToken())
                .update() == 1;
    }

    /** Puts the row back for a later attempt; false if the claim is no longer ours. */
    public boolean defer(ClaimedMessage claim, Instant nextAttemptAt, String reason) {
        return jdbc.sql("""
                        UPDATE inbound_message
                           SET state = 'deferred', next_attempt_at = :next, last_error = :reason,
                               lease_until = NULL, claim_token = NULL, updated_at = now()
                         WHERE id = :id AND claim_token = :token AND state = 'processing'
                        """)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("reason", reason)
                .param("id", claim.id())
                .param("token", claim.claimToken())
                .update() == 1;
    }

    /** Gives up on the row, keeping the reason for staff; false if the claim is no longer ours. */
    public boolean kill(ClaimedMessage claim, String reason) {
        return jdbc.sql("""
                        UPDATE inbound_message
                           SET state = 'dead', last_error = :reason, lease_until = NULL,
                               claim_token = NULL, updated_at = now()
                         WHERE id = :id AND claim_token = :token AND state = 'processing'
                        """)
                .param("reason", reason)
                .param("id", claim.id())
                .param("token", claim.claimToken())
                .update() == 1;
    }

    public Optional<SpooledMessage> find(String id) {
        return jdbc.sql("""
                        SELECT id, state, attempts, last_error, next_attempt_at, processed_at, client_ip,
                               helo, mail_from, rcpt_to, tls_protocol, tls_cipher, received_at, size,
                               sha256, summary::text AS summary, verdict::text AS verdict
                          FROM inbound_message WHERE id = :id
                        """)
                .param("id", id)
                .query(SpoolStore::toMessage)
                .optional();
    }

    /** The message as exported: our trace header, then the bytes exactly as received. */
    public Optional<Export> export(String id) {
        return jdbc.sql("SELECT trace_header, raw FROM inbound_message WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Export(rs.getString("trace_header"), rs.getBytes("raw")))
                .optional();
    }

    public record Export(String traceHeader, byte[] raw) {}

    private static Envelope envelope(ResultSet rs) throws SQLException {
        return new Envelope(
                rs.getString("client_ip"),
                rs.getString("helo"),
                rs.getString("mail_from"),
                textArray(rs.getArray("rcpt_to")),
                rs.getString("tls_protocol"),
                rs.getString("tls_cipher"),
                rs.getTimestamp("received_at").toInstant());
    }

    private static SpooledMessage toMessage(ResultSet rs, int row) throws SQLException {
        Envelope envelope = envelope(rs);
        return new SpooledMessage(
                rs.getString("id"),
                SpoolState.fromDb(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("processed_at")),
                envelope,
                rs.getInt("size"),
                rs.getString("sha256"),
                rs.getString("summary"),
                rs.getString("verdict"));
    }

    private static List<String> textArray(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
