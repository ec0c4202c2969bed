package org.supportgate.ticketing.partner;

import java.time.Duration;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many sensitive requests a contact and its partner sent recently: tickets opened with request
 * categories, and sensitive requests held in quarantine. A burst is a hijack signal.
 */
@Repository
public class SensitiveActivity {

    /** Counts in the window, this message not included. */
    public record Counts(int fromContact, int fromPartner) {}

    private final JdbcClient jdbc;

    SensitiveActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Counts since(String email, String partnerId, Duration window) {
        String address = email.toLowerCase(Locale.ROOT);
        int fromContact = count("""
                SELECT (SELECT count(*) FROM ticket WHERE requester = :who AND cardinality(categories) > 0
                            AND created_at > now() - make_interval(secs => :seconds))
                     + (SELECT count(*) FROM quarantine_item WHERE from_address = :who AND sensitive
                            AND created_at > now() - make_interval(secs => :seconds))
                """, address, window);
        int fromPartner = partnerId == null ? 0 : count("""
                SELECT (SELECT count(*) FROM ticket WHERE partner_id = :who AND cardinality(categories) > 0
                            AND created_at > now() - make_interval(secs => :seconds))
                     + (SELECT count(*) FROM quarantine_item WHERE partner_id = :who AND sensitive
                            AND created_at > now() - make_interval(secs => :seconds))
                """, partnerId, window);
        return new Counts(fromContact, fromPartner);
    }

    private int count(String sql, String who, Duration window) {
        return jdbc.sql(sql).param("who", who).param("seconds", (double) window.toSeconds()).query(Integer.class).single();
    }
}
