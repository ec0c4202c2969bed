package org.supportgate.gateway.authentication;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Keeps each message's authentication results: key results as columns, the rest as JSON. */
@Repository
public class AuthenticationStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuthenticationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(String messageId, AuthenticationView view) {
        jdbc.sql("""
                        INSERT INTO message_authentication (message_id, spf, dmarc, arc, from_domain, header, details)
                        VALUES (:id, :spf, :dmarc, :arc, :from, :header, CAST(:details AS jsonb))
                        ON CONFLICT (message_id) DO UPDATE SET spf = EXCLUDED.spf, dmarc = EXCLUDED.dmarc,
                            arc = EXCLUDED.arc, from_domain = EXCLUDED.from_domain, header = EXCLUDED.header,
                            details = EXCLUDED.details, evaluated_at = now()
                        """)
                .param("id", messageId)
                .param("spf", view.spf().result())
                .param("dmarc", view.dmarc().result())
                .param("arc", view.arc().cv())
                .param("from", view.dmarc().fromDomain())
                .param("header", view.header())
                .param("details", json.writeValueAsString(view))
                .update();
    }

    public Optional<AuthenticationView> find(String messageId) {
        return jdbc.sql("SELECT details::text FROM message_authentication WHERE message_id = :id")
                .param("id", messageId)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, AuthenticationView.class));
    }
}
