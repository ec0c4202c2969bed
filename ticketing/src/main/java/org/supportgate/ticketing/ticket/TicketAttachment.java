package org.supportgate.ticketing.ticket;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An attachment of an inbound ticket message, stored with its SHA-256. */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_message_id", nullable = false, updatable = false)
    private long ticketMessageId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(nullable = false, updatable = false)
    private long size;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TicketAttachment() {}

    static TicketAttachment of(long ticketMessageId, AttachmentData data, Instant at) {
        TicketAttachment a = new TicketAttachment();
        a.ticketMessageId = ticketMessageId;
        a.name = data.name();
        a.contentType = data.contentType();
        a.size = data.content().length;
        a.sha256 = AttachmentData.sha256Hex(data.content());
        a.content = data.content().clone();
        a.createdAt = at;
        return a;
    }

    public long id() {
        return id;
    }

    public long ticketMessageId() {
        return ticketMessageId;
    }

    public String name() {
        return name;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] content() {
        return content.clone();
    }
}
