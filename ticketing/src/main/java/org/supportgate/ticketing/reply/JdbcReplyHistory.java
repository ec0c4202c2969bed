package org.supportgate.ticketing.reply;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link ReplyHistory} over {@code auto_reply_log}, {@code reply_breaker} and {@code ticket_message}. */
@Repository
public class JdbcReplyHistory implements ReplyHistory {

    private final JdbcClient jdbc;

    public JdbcReplyHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int repliesInThread(long ticketId, String recipient, ReplyKind kind) {
        return jdbc.sql("SELECT count(*) FROM auto_reply_log WHERE ticket_id = :ticket AND recipient = :recipient AND kind = :kind")
                .param("ticket", ticketId).param("recipient", recipient).param("kind", kind.dbValue())
                .query(Integer.class).single();
    }

    @Override
    public int repliesToAddressSince(String recipient, Instant since) {
        return jdbc.sql("SELECT count(*) FROM auto_reply_log WHERE recipient = :recipient AND sent_at >= :since")
                .param("recipient", recipient).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    @Override
    public int inboundFromAddressSince(String sender, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM ticket_message
                         WHERE direction = 'inbound' AND sender = :sender AND created_at >= :since
                        """)
                .param("sender", sender).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    @Override
    public Optional<Instant> breakerOpenUntil(String recipient) {
        return jdbc.sql("SELECT open_until FROM reply_breaker WHERE recipient = :recipient")
                .param("recipient", recipient)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    @Override
    public void tripBreaker(String recipient, Instant at, Instant until, String reason) {
        jdbc.sql("""
                        INSERT INTO reply_breaker (recipient, tripped_at, open_until, reason)
                        VALUES (:recipient, :at, :until, :reason)
                        ON CONFLICT (recipient) DO UPDATE
                           SET tripped_at = excluded.tripped_at, open_until = excluded.open_until,
                               reason = excluded.reason
                        """)
                .param("recipient", recipient).param("at", Timestamp.from(at)).param("until", Timestamp.from(until))
                .param("reason", reason)
                .update();
    }

    @Override
    public void recordReply(String recipient, long ticketId, ReplyKind kind, Instant at) {
        jdbc.sql("INSERT INTO auto_reply_log (recipient, ticket_id, kind, sent_at) VALUES (:recipient, :ticket, :kind, :at)")
                .param("recipient", recipient).param("ticket", ticketId).param("kind", kind.dbValue())
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public int noticesToAddressSince(String recipient, Instant since) {
        return jdbc.sql("SELECT count(*) FROM auto_reply_log WHERE recipient = :recipient AND kind = 'notice' AND sent_at >= :since")
                .param("recipient", recipient).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    @Override
    public void recordNotice(String recipient, Instant at) {
        jdbc.sql("INSERT INTO auto_reply_log (recipient, ticket_id, kind, sent_at) VALUES (:recipient, NULL, 'notice', :at)")
                .param("recipient", recipient).param("at", Timestamp.from(at))
                .update();
    }
}
