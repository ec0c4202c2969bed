package org.supportgate.ticketing.partner;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a contact's proven mail has come from: source networks and DKIM signers. Only messages
 * whose sender identity was proven may add to it, or forged mail would teach it new places.
 */
@Repository
public class ContactHistory {

    /** One place a contact's mail came from: {@code ip_network} or {@code dkim_signer}. */
    public record Entry(String kind, String value, long messages) {}

    private final JdbcClient jdbc;

    ContactHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> of(String email) {
        return jdbc.sql("""
                        SELECT h.kind, h.value, h.messages FROM contact_sending_history h
                          JOIN contact c ON c.id = h.contact_id
                         WHERE c.email = :email ORDER BY h.kind, h.value LIMIT 1000
                        """)
                .param("email", email.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new Entry(rs.getString("kind"), rs.getString("value"), rs.getLong("messages")))
                .list();
    }

    /** Counts one more message from each place, adding places not seen before. */
    public void record(String email, String kind, String value) {
        jdbc.sql("""
                        INSERT INTO contact_sending_history (contact_id, kind, value)
                        SELECT id, :kind, :value FROM contact WHERE email = :email
                        ON CONFLICT (contact_id, kind, value)
                        DO UPDATE SET last_seen = now(), messages = contact_sending_history.messages + 1
                        """)
                .param("email", email.toLowerCase(Locale.ROOT))
                .param("kind", kind)
                .param("value", value)
                .update();
    }
}
