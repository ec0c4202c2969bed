package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A support ticket. Rows are inserted by {@link TicketStore#insert} (the number must be unique, and
 * a clash is retried without aborting the transaction); this entity reads and updates them.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    private Long id;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "partner_id")
    private String partnerId;

    @Column(nullable = false)
    private String requester;

    @Column(name = "requester_name")
    private String requesterName;

    @Column(nullable = false)
    private String subject;

    @Convert(converter = DbEnumConverters.StatusConverter.class)
    @Column(nullable = false)
    private TicketStatus status;

    @Convert(converter = DbEnumConverters.PriorityConverter.class)
    @Column(nullable = false)
    private TicketPriority priority;

    @Convert(converter = DbEnumConverters.AssuranceConverter.class)
    @Column(nullable = false)
    private Assurance assurance;

    @Convert(converter = DbEnumConverters.AssuranceConverter.class)
    @Column(name = "required_assurance", nullable = false)
    private Assurance requiredAssurance;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> categories;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Ticket() {}

    public long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String partnerId() {
        return partnerId;
    }

    public String requester() {
        return requester;
    }

    public String requesterName() {
        return requesterName;
    }

    public String subject() {
        return subject;
    }

    public TicketStatus status() {
        return status;
    }

    public TicketPriority priority() {
        return priority;
    }

    public Assurance assurance() {
        return assurance;
    }

    public Assurance requiredAssurance() {
        return requiredAssurance;
    }

    public List<String> categories() {
        return List.copyOf(categories);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** A new message joined: the requester is talking again, so a waiting ticket is open again. */
    void messageJoined(Instant at) {
        if (status == TicketStatus.PENDING || status == TicketStatus.SOLVED) {
            status = TicketStatus.OPEN;
        }
        updatedAt = at;
    }
}
