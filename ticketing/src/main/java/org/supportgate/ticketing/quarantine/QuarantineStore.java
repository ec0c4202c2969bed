package org.supportgate.ticketing.quarantine;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.ticketing.ticket.AttachmentData;
import org.supportgate.ticketing.ticket.MessageIds;

/**
 * The quarantine tables, in SQL. The JSON columns are built and taken apart by PostgreSQL
 * ({@code jsonb_build_object}, {@code jsonb_array_elements}), so no text of the sender's is ever
 * pasted into JSON by hand.
 */
@Repository
class QuarantineStore {

    private static final String ITEM = """
            SELECT q.id, q.inbound_message_id, q.mail_from, q.from_address, q.from_name, q.subject, q.message_id,
                   q.partner_id, q.authenticated, q.sensitive, q.categories, q.authentication::text AS authentication,
                   q.assurance, q.required_assurance, q.reasons, q.text_body, q.state, q.created_at, q.decided_at,
                   t.number AS ticket_number
              FROM quarantine_item q LEFT JOIN ticket t ON t.id = q.ticket_id""";

    private static final String LISTING = """
            SELECT id, inbound_message_id, from_address, subject, partner_id, sensitive, categories, reasons, assurance,
                   required_assurance, state, created_at
              FROM quarantine_item""";

    private final JdbcClient jdbc;

    QuarantineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the item; empty when this spooled message is held already (a replay). */
    Optional<Long> insert(QuarantineRequest r) {
        String audience = switch (r.audience()) {
            case NoticeAudience.Sender s -> "sender";
            case NoticeAudience.PartnerAdmins p -> "partner_admins";
            case NoticeAudience.Nobody n -> "nobody";
        };
        String noticeAddress = r.audience() instanceof NoticeAudience.Sender(String address)
                ? address.strip().toLowerCase(Locale.ROOT) : null;
        return jdbc.sql("""
                        INSERT INTO quarantine_item (inbound_message_id, mail_from, from_address, from_name, subject,
                                message_id, partner_id, authenticated, sensitive, categories, triggers, authentication,
                                signals, assurance, required_assurance, reasons, text_body, reply_headers,
                                notice_audience, notice_address)
                        VALUES (:spool, :mailFrom, :from, :name, :subject, :messageId, :partner, :authenticated,
                                :sensitive, :categories,
                                (SELECT coalesce(jsonb_agg(jsonb_build_object('category', c, 'phrase', p) ORDER BY n), '[]')
                                   FROM unnest(CAST(:triggerCategories AS text[]), CAST(:triggerPhrases AS text[]))
                                        WITH ORDINALITY AS t(c, p, n)),
                                CAST(:authentication AS jsonb),
                                (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', k, 'detail', d) ORDER BY n), '[]')
                                   FROM unnest(CAST(:signalKinds AS text[]), CAST(:signalDetails AS text[]))
                                        WITH ORDINALITY AS s(k, d, n)),
                                :assurance, :required, :reasons, :body,
                                (SELECT coalesce(jsonb_object_agg(k, v), '{}')
                                   FROM unnest(CAST(:headerNames AS text[]), CAST(:headerValues AS text[])) AS h(k, v)),
                                :audience, :noticeAddress)
                        ON CONFLICT (inbound_message_id) DO NOTHING
                        RETURNING id
                        """)
                .param("spool", r.spoolId())
                .param("mailFrom", r.mailFrom())
                .param("from", r.fromAddress())
                .param("name", blankToNull(r.fromName()))
                .param("subject", blankToNull(r.subject()))
                .param("messageId", blankToNull(MessageIds.bare(r.messageId())))
                .param("partner", blankToNull(r.partnerId()))
                .param("authenticated", r.authenticated())
                .param("sensitive", r.sensitive())
                .param("categories", r.categories().toArray(String[]::new))
                .param("triggerCategories", r.triggers().stream().map(Trigger::category).toArray(String[]::new))
                .param("triggerPhrases", r.triggers().stream().map(Trigger::phrase).toArray(String[]::new))
                .param("authentication", r.authenticationJson())
                .param("signalKinds", r.signals().stream().map(Signal::kind).toArray(String[]::new))
                .param("signalDetails", r.signals().stream().map(Signal::detail).toArray(String[]::new))
                .param("assurance", r.assurance().id())
                .param("required", r.requiredAssurance().id())
                .param("reasons", r.reasons().toArray(String[]::new))
                .param("body", r.textBody())
                .param("headerNames", r.headers().keySet().toArray(String[]::new))
                .param("headerValues", r.headers().values().toArray(String[]::new))
                .param("audience", audience)
                .param("noticeAddress", noticeAddress)
                .query(Long.class)
                .optional();
    }

    void insertAttachments(long id, List<AttachmentData> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            AttachmentData a = attachments.get(i);
            byte[] content = a.content();
            jdbc.sql("""
                            INSERT INTO quarantine_attachment (item_id, position, name, content_type, size, sha256, content)
                            VALUES (:id, :position, :name, :type, :size, encode(sha256(CAST(:content AS bytea)), 'hex'), :content)
                            """)
                    .param("id", id).param("position", i).param("name", a.name()).param("type", a.contentType())
                    .param("size", (long) content.length).param("content", content)
                    .update();
        }
    }

    /** The attachments with their bytes, in the order the message had them. */
    List<AttachmentData> attachmentData(long id) {
        return jdbc.sql("SELECT name, content_type, content FROM quarantine_attachment WHERE item_id = :id ORDER BY position")
                .param("id", id)
                .query((rs, n) -> new AttachmentData(rs.getString("name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .list();
    }

    private List<QuarantineItem.Attachment> attachments(long id) {
        return jdbc.sql("SELECT name, content_type, size, sha256 FROM quarantine_attachment WHERE item_id = :id ORDER BY position")
                .param("id", id)
                .query((rs, n) -> new QuarantineItem.Attachment(rs.getString("name"), rs.getString("content_type"),
                        rs.getLong("size"), rs.getString("sha256")))
                .list();
    }

    Optional<Long> idForSpool(String spoolId) {
        return jdbc.sql("SELECT id FROM quarantine_item WHERE inbound_message_id = :spool").param("spool", spoolId)
                .query(Long.class).optional();
    }

    /** Locks the item's row until the transaction ends, so decisions on one item are taken in turn. */
    boolean lock(long id) {
        return jdbc.sql("SELECT id FROM quarantine_item WHERE id = :id FOR UPDATE").param("id", id)
                .query(Long.class).optional().isPresent();
    }

    Optional<QuarantineItem> item(long id) {
        List<Trigger> triggers = triggers(id);
        List<Signal> signals = signals(id);
        List<QuarantineItem.Decision> decisions = decisions(id);
        List<QuarantineItem.NoticeRecord> notices = notices(id);
        List<QuarantineItem.Attachment> attachments = attachments(id);
        return jdbc.sql(ITEM + " WHERE q.id = :id").param("id", id)
                .query((rs, n) -> item(rs, triggers, signals, attachments, decisions, notices))
                .optional();
    }

    /** Newest first, at most {@code limit}, with ids below {@code before} when given (the next page). */
    List<QuarantineItem.Listing> list(Optional<QuarantineState> state, int limit, Optional<Long> before) {
        return jdbc.sql(LISTING + """

                         WHERE (CAST(:state AS text) IS NULL OR state = CAST(:state AS text))
                           AND (CAST(:before AS bigint) IS NULL OR id < CAST(:before AS bigint))
                         ORDER BY id DESC LIMIT :limit""")
                .param("state", state.map(QuarantineState::id).orElse(null))
                .param("before", before.orElse(null))
                .param("limit", limit)
                .query(QuarantineStore::listing)
                .list();
    }

    /** The reply-control header fields the held message carried. */
    Map<String, String> replyHeaders(long id) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        jdbc.sql("SELECT key, value FROM quarantine_item, jsonb_each_text(reply_headers) WHERE id = :id")
                .param("id", id)
                .query(rs -> {
                    headers.put(rs.getString("key"), rs.getString("value"));
                });
        return headers;
    }

    NoticeAudience audience(long id) {
        return jdbc.sql("SELECT notice_audience, notice_address, partner_id FROM quarantine_item WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> switch (rs.getString("notice_audience")) {
                    case "sender" -> (NoticeAudience) new NoticeAudience.Sender(rs.getString("notice_address"));
                    case "partner_admins" -> rs.getString("partner_id") == null ? new NoticeAudience.Nobody()
                            : new NoticeAudience.PartnerAdmins(rs.getString("partner_id"));
                    default -> new NoticeAudience.Nobody();
                })
                .single();
    }

    void recordDecision(long id, String staff, QuarantineItem.Action action, String reason, boolean notify) {
        jdbc.sql("""
                        INSERT INTO quarantine_decision (item_id, staff, action, reason, notify)
                        VALUES (:id, :staff, :action, :reason, :notify)
                        """)
                .param("id", id).param("staff", staff).param("action", action.name().toLowerCase(Locale.ROOT))
                .param("reason", reason).param("notify", notify)
                .update();
    }

    void markReleased(long id, long ticketId) {
        jdbc.sql("UPDATE quarantine_item SET state = 'released', decided_at = now(), ticket_id = :ticket WHERE id = :id")
                .param("id", id).param("ticket", ticketId).update();
    }

    void markRejected(long id) {
        jdbc.sql("UPDATE quarantine_item SET state = 'rejected', decided_at = now() WHERE id = :id")
                .param("id", id).update();
    }

    /** Marks the ticket message a release made with who released it and why. */
    void markTicketMessage(String spoolId, String releasedBy, String reason) {
        jdbc.sql("UPDATE ticket_message SET released_by = :by, release_reason = :reason WHERE inbound_message_id = :spool")
                .param("by", releasedBy).param("reason", reason).param("spool", spoolId).update();
    }

    void recordNotice(long id, String recipient, String occasion, Optional<Long> outboxId, Optional<String> heldBecause) {
        jdbc.sql("""
                        INSERT INTO quarantine_notice (item_id, recipient, occasion, outbox_id, held_because)
                        VALUES (:id, :recipient, :occasion, :outbox, :held)
                        """)
                .param("id", id).param("recipient", recipient).param("occasion", occasion)
                .param("outbox", outboxId.orElse(null)).param("held", heldBecause.orElse(null))
                .update();
    }

    private List<Trigger> triggers(long id) {
        return jdbc.sql("""
                        SELECT e->>'category' AS category, e->>'phrase' AS phrase
                          FROM quarantine_item, jsonb_array_elements(triggers) WITH ORDINALITY AS a(e, n)
                         WHERE id = :id ORDER BY n""")
                .param("id", id)
                .query((rs, n) -> new Trigger(rs.getString("category"), rs.getString("phrase")))
                .list();
    }

    private List<Signal> signals(long id) {
        return jdbc.sql("""
                        SELECT e->>'kind' AS kind, e->>'detail' AS detail
                          FROM quarantine_item, jsonb_array_elements(signals) WITH ORDINALITY AS a(e, n)
                         WHERE id = :id ORDER BY n""")
                .param("id", id)
                .query((rs, n) -> new Signal(rs.getString("kind"), rs.getString("detail")))
                .list();
    }

    List<QuarantineItem.Decision> decisions(long id) {
        return jdbc.sql("SELECT staff, action, reason, notify, decided_at FROM quarantine_decision WHERE item_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new QuarantineItem.Decision(rs.getString("staff"),
                        QuarantineItem.Action.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)),
                        rs.getString("reason"), rs.getBoolean("notify"), rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    private List<QuarantineItem.NoticeRecord> notices(long id) {
        return jdbc.sql("""
                        SELECT recipient, occasion, outbox_id, held_because, created_at
                          FROM quarantine_notice WHERE item_id = :id ORDER BY id""")
                .param("id", id)
                .query((rs, n) -> {
                    long outbox = rs.getLong("outbox_id");
                    Optional<Long> outboxId = rs.wasNull() ? Optional.empty() : Optional.of(outbox);
                    return new QuarantineItem.NoticeRecord(rs.getString("recipient"), rs.getString("occasion"), outboxId,
                            Optional.ofNullable(rs.getString("held_because")), rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    private static QuarantineItem item(ResultSet rs, List<Trigger> triggers, List<Signal> signals,
            List<QuarantineItem.Attachment> attachments, List<QuarantineItem.Decision> decisions, List<QuarantineItem.NoticeRecord> notices) throws SQLException {
        return new QuarantineItem(rs.getLong("id"), rs.getString("inbound_message_id"), rs.getString("mail_from"),
                rs.getString("from_address"), nullToEmpty(rs.getString("from_name")), nullToEmpty(rs.getString("subject")),
                nullToEmpty(rs.getString("message_id")), nullToEmpty(rs.getString("partner_id")),
                rs.getBoolean("authenticated"), rs.getBoolean("sensitive"), texts(rs.getArray("categories")), triggers,
                rs.getString("authentication"), signals, Assurance.parse(rs.getString("assurance")),
                Assurance.parse(rs.getString("required_assurance")), texts(rs.getArray("reasons")),
                nullToEmpty(rs.getString("text_body")), attachments, QuarantineState.parse(rs.getString("state")).orElseThrow(),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("decided_at")),
                Optional.ofNullable(rs.getString("ticket_number")), decisions, notices);
    }

    private static QuarantineItem.Listing listing(ResultSet rs, int row) throws SQLException {
        return new QuarantineItem.Listing(rs.getLong("id"), rs.getString("inbound_message_id"), rs.getString("from_address"),
                nullToEmpty(rs.getString("subject")), nullToEmpty(rs.getString("partner_id")), rs.getBoolean("sensitive"),
                texts(rs.getArray("categories")), texts(rs.getArray("reasons")), Assurance.parse(rs.getString("assurance")),
                Assurance.parse(rs.getString("required_assurance")),
                QuarantineState.parse(rs.getString("state")).orElseThrow(), rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
