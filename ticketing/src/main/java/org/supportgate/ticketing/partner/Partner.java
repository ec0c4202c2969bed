package org.supportgate.ticketing.partner;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A partner account and the domains that are its own. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_domain", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "domain")
    private Set<String> domains = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Partner() {}

    Partner(String id, String name, boolean active) {
        this.id = id;
        this.name = name;
        this.status = active ? "active" : "suspended";
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return "active".equals(status);
    }

    public Set<String> domains() {
        return Set.copyOf(domains);
    }

    /** Applies name, status and domains; true if the name or status changed. */
    boolean update(String newName, boolean active, Set<String> newDomains) {
        String newStatus = active ? "active" : "suspended";
        boolean changed = !name.equals(newName) || !status.equals(newStatus);
        if (changed || !domains.equals(newDomains)) {
            name = newName;
            status = newStatus;
            domains.clear();
            domains.addAll(newDomains);
            updatedAt = Instant.now();
        }
        return changed;
    }

    /** Gives up the domains not in {@code kept}, so another partner may take them. */
    void retainDomains(Set<String> kept) {
        if (domains.retainAll(kept)) {
            updatedAt = Instant.now();
        }
    }

    /** Suspends the partner and gives up its domains; true if it was active or had domains. */
    boolean suspend() {
        boolean changed = active() || !domains.isEmpty();
        status = "suspended";
        domains.clear();
        if (changed) {
            updatedAt = Instant.now();
        }
        return changed;
    }
}
