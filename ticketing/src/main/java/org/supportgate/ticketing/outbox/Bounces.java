package org.supportgate.ticketing.outbox;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records bounces to our replies against the recipient. A bounce never opens a ticket; this is
 * where the intake puts it instead.
 */
@Repository
public class Bounces {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public Bounces(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * Stores one row per reported recipient, linked to our outbox row when the VERP token or the
     * original Message-ID names one. A report with no recipient lines is stored against the outbox
     * row's recipient. Returns the number of rows stored.
     */
    @Transactional
    public int record(BounceReport report, String spoolId) {
        Optional<OutboxEntry> original = report.verpToken().isEmpty()
                ? Optional.empty()
                : outbox.findByVerpToken(report.verpToken());
        if (original.isEmpty() && !report.originalMessageId().isEmpty()) {
            original = outbox.findByMessageId(report.originalMessageId());
        }
        Long outboxId = original.map(OutboxEntry::id).orElse(null);
        String messageId = report.originalMessageId().isEmpty()
                ? original.map(OutboxEntry::messageId).orElse(null)
                : report.originalMessageId();
        if (report.recipients().isEmpty()) {
            if (original.isEmpty()) {
                return 0;
            }
            insert(original.get().envelopeTo(), messageId, outboxId, "failed", "", "", spoolId);
            return 1;
        }
        for (BounceReport.Recipient r : report.recipients()) {
            insert(r.address(), messageId, outboxId, r.action(), r.status(), r.diagnostic(), spoolId);
        }
        return report.recipients().size();
    }

    /** How many failure reports an address has had (a contact whose mail keeps bouncing). */
    public int failuresFor(String address) {
        return jdbc.sql("SELECT count(*) FROM bounce WHERE recipient = :address AND action = 'failed'")
                .param("address", address.toLowerCase(Locale.ROOT))
                .query(Integer.class).single();
    }

    private void insert(String recipient, String messageId, Long outboxId, String action, String status,
            String diagnostic, String spoolId) {
        jdbc.sql("""
                        INSERT INTO bounce (recipient, original_message_id, outbox_id, action, status, diagnostic,
                                            inbound_message_id)
                        VALUES (:recipient, :messageId, :outbox, :action, :status, :diagnostic, :spool)
                        """)
                .param("recipient", cut(recipient.toLowerCase(Locale.ROOT), 320))
                .param("messageId", messageId)
                .param("outbox", outboxId)
                .param("action", cut(action.isEmpty() ? "failed" : action.toLowerCase(Locale.ROOT), 32))
                .param("status", status.isEmpty() ? null : cut(status, 32))
                .param("diagnostic", diagnostic.isEmpty() ? null : cut(diagnostic, 1000))
                .param("spool", spoolId)
                .update();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
