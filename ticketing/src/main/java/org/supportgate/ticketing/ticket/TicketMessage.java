package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A message in a ticket: inbound (a spooled message) or outbound (an outbox row). */
@Entity
@Table(name = "ticket_message")
public class TicketMessage {

    /** Which way the message went. */
    public enum Direction { INBOUND, OUTBOUND }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private long ticketId;

    @Convert(converter = DbEnumConverters.DirectionConverter.class)
    @Column(nullable = false, updatable = false)
    private Direction direction;

    @Column(name = "inbound_message_id", updatable = false)
    private String inboundMessageId;

    @Column(name = "outbox_id", updatable = false)
    private Long outboxId;

    @Column(name = "message_id", updatable = false)
    private String messageId;

    @Column(nullable = false, updatable = false)
    private String sender;

    @Column(name = "sender_name", updatable = false)
    private String senderName;

    @Column(updatable = false)
    private String subject;

    @Column(name = "text_body", updatable = false)
    private String textBody;

    @Convert(converter = DbEnumConverters.AssuranceConverter.class)
    @Column(updatable = false)
    private Assurance assurance;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    // Written by the quarantine when staff release a held message (V30), never by this entity.
    @Column(name = "released_by", insertable = false, updatable = false)
    private String releasedBy;

    @Column(name = "release_reason", insertable = false, updatable = false)
    private String releaseReason;

    protected TicketMessage() {}

    static TicketMessage inbound(long ticketId, String spoolId, String messageId, String sender, String senderName,
            String subject, String textBody, Assurance assurance, Instant at) {
        TicketMessage m = new TicketMessage();
        m.ticketId = ticketId;
        m.direction = Direction.INBOUND;
        m.inboundMessageId = spoolId;
        m.messageId = messageId;
        m.sender = sender;
        m.senderName = senderName;
        m.subject = subject;
        m.textBody = textBody;
        m.assurance = assurance;
        m.createdAt = at;
        return m;
    }

    static TicketMessage outbound(long ticketId, long outboxId, String messageId, String sender, String subject,
            String textBody, Instant at) {
        TicketMessage m = new TicketMessage();
        m.ticketId = ticketId;
        m.direction = Direction.OUTBOUND;
        m.outboxId = outboxId;
        m.messageId = messageId;
        m.sender = sender;
        m.subject = subject;
        m.textBody = textBody;
        m.createdAt = at;
        return m;
    }

    public long id() {
        return id;
    }

    public long ticketId() {
        return ticketId;
    }

    public Direction direction() {
        return direction;
    }

    public String inboundMessageId() {
        return inboundMessageId;
    }

    public Long outboxId() {
        return outboxId;
    }

    public String messageId() {
        return messageId;
    }

    public String sender() {
        return sender;
    }

    public String senderName() {
        return senderName;
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public Assurance assurance() {
        return assurance;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Who released this message from the quarantine, comma-separated; empty when it was never held. */
    public Optional<String> releasedBy() {
        return Optional.ofNullable(releasedBy);
    }

    /** Why it was released, each staff member's reason; empty when it was never held. */
    public Optional<String> releaseReason() {
        return Optional.ofNullable(releaseReason);
    }
}
