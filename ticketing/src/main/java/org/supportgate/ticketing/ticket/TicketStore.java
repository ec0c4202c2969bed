package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ticket queries JPA is not the right tool for: inserting with a random number that may clash
 * (ON CONFLICT DO NOTHING keeps the transaction alive for the next draw), and the thread lookups.
 */
@Repository
class TicketStore implements ThreadMatcher.Lookups {

    /** Clashes in a space of 729 million are rare; this many in a row means something is wrong. */
    static final int MAX_DRAWS = 8;

    private static final String FACTS = """
            SELECT t.id, t.number, t.requester, t.partner_id, t.status, t.required_assurance FROM ticket t""";

    private final JdbcClient jdbc;
    private final TicketNumbers numbers;

    TicketStore(JdbcClient jdbc, TicketNumbers numbers) {
        this.jdbc = jdbc;
        this.numbers = numbers;
    }

    /** Inserts a new ticket under a fresh random number; returns its id. */
    long insert(String partnerId, String requester, String requesterName, String subject, Assurance assurance,
            Assurance requiredAssurance, List<String> categories, Instant at) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            Optional<Long> id = jdbc.sql("""
                            INSERT INTO ticket (number, partner_id, requester, requester_name, subject, status, priority,
                                                assurance, required_assurance, categories, created_at, updated_at)
                            VALUES (:number, :partner, :requester, :name, :subject, 'new', 'normal', :assurance,
                                    :required, :categories, :at, :at)
                            ON CONFLICT (number) DO NOTHING
                            RETURNING id
                            """)
                    .param("number", numbers.next())
                    .param("partner", partnerId)
                    .param("requester", requester)
                    .param("name", requesterName)
                    .param("subject", subject)
                    .param("assurance", assurance.id())
                    .param("required", requiredAssurance.id())
                    .param("categories", categories.toArray(String[]::new))
                    .param("at", Timestamp.from(at))
                    .query(Long.class)
                    .optional();
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new IllegalStateException("no free ticket number after " + MAX_DRAWS + " draws");
    }

    @Override
    public Optional<TicketFacts> byOutgoingMessageId(String messageId) {
        return jdbc.sql(FACTS + " JOIN outgoing_message_id o ON o.ticket_id = t.id WHERE o.message_id = :id")
                .param("id", messageId)
                .query(TicketStore::facts)
                .optional();
    }

    @Override
    public Optional<TicketFacts> byNumber(String number) {
        return jdbc.sql(FACTS + " WHERE t.number = :number").param("number", number).query(TicketStore::facts).optional();
    }

    void recordRefusal(String spoolId, ThreadMatch.Refusal refusal, String sender) {
        jdbc.sql("""
                        INSERT INTO thread_refusal (inbound_message_id, claimed_ticket_id, sender, reason)
                        VALUES (:spool, :ticket, :sender, :reason)
                        """)
                .param("spool", spoolId)
                .param("ticket", refusal.ticket().id())
                .param("sender", sender)
                .param("reason", refusal.via().name().toLowerCase(Locale.ROOT) + ": "
                        + refusal.reason().name().toLowerCase(Locale.ROOT))
                .update();
    }

    private static TicketFacts facts(ResultSet rs, int row) throws SQLException {
        String partner = rs.getString("partner_id");
        return new TicketFacts(rs.getLong("id"), rs.getString("number"), rs.getString("requester"), partner,
                TicketStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                Assurance.parse(rs.getString("required_assurance")));
    }
}
