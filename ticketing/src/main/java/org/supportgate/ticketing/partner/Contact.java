package org.supportgate.ticketing.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Convert;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A person who writes to support for a partner. */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "partner_id", nullable = false)
    private String partnerId;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    @Convert(converter = ContactRole.Column.class)
    private ContactRole role;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "smime_certificate")
    private String smimeCertificate;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Contact() {}

    Contact(String partnerId, DirectorySnapshot.ContactEntry entry) {
        this.partnerId = partnerId;
        this.email = entry.email();
        this.displayName = entry.name();
        this.role = entry.role();
        this.active = entry.active();
        this.smimeCertificate = entry.smimeCertificate();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public String partnerId() {
        return partnerId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public ContactRole role() {
        return role;
    }

    public boolean active() {
        return active;
    }

    public String smimeCertificate() {
        return smimeCertificate;
    }

    /** Applies the entry; true if anything changed. */
    boolean update(String newPartnerId, DirectorySnapshot.ContactEntry entry) {
        boolean changed = !partnerId.equals(newPartnerId) || !displayName.equals(entry.name()) || role != entry.role()
                || active != entry.active() || !Objects.equals(smimeCertificate, entry.smimeCertificate());
        if (changed) {
            partnerId = newPartnerId;
            displayName = entry.name();
            role = entry.role();
            active = entry.active();
            smimeCertificate = entry.smimeCertificate();
            updatedAt = Instant.now();
        }
        return changed;
    }

    /** Disables the contact; true if it was active. */
    boolean disable() {
        if (!active) {
            return false;
        }
        active = false;
        updatedAt = Instant.now();
        return true;
    }
}
