package org.supportgate.ticketing.partner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportgate.ticketing.audit.AuditLog;

/** Reads and replaces the partner directory. */
@Service
public class PartnerDirectory {

    private final PartnerRepository partners;
    private final ContactRepository contacts;
    private final AuditLog audit;

    PartnerDirectory(PartnerRepository partners, ContactRepository contacts, AuditLog audit) {
        this.partners = partners;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** A partner with its contacts, as the API lists them. */
    public record Listing(Partner partner, List<Contact> contacts) {}

    @Transactional(readOnly = true)
    public List<Listing> list() {
        return partners.findAllByOrderByIdAsc().stream()
                .map(p -> new Listing(p, contacts.findByPartnerIdOrderByEmailAsc(p.id())))
                .toList();
    }

    /** A domain and the partner it belongs to. */
    public record DomainOwner(String domain, String partnerId) {}

    /** Every partner domain, for lookalike checks. */
    @Transactional(readOnly = true)
    public List<DomainOwner> domains() {
        return partners.findAllByOrderByIdAsc().stream()
                .flatMap(p -> p.domains().stream().map(d -> new DomainOwner(d, p.id())))
                .toList();
    }

    /** Every contact, for display-name impersonation checks. */
    @Transactional(readOnly = true)
    public List<Contact> contacts() {
        return contacts.findAll();
    }

    @Transactional(readOnly = true)
    public Optional<Contact> contact(String email) {
        return contacts.findByEmail(email.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The active admin contacts of an active partner: who hears of a refused request that claimed
     * the partner's domain. Empty for an unknown or suspended partner.
     */
    @Transactional(readOnly = true)
    public List<Contact> activeAdmins(String partnerId) {
        if (partners.findById(partnerId).filter(Partner::active).isEmpty()) {
            return List.of();
        }
        return contacts.findByPartnerIdOrderByEmailAsc(partnerId).stream()
                .filter(c -> c.active() && c.role() == ContactRole.ADMIN)
                .toList();
    }

    /**
     * Makes the directory match the snapshot, which is the whole directory: creates and updates
     * partners and contacts; suspends partners it no longer lists (they give up their domains);
     * disables contacts it no longer lists; records each change as an audit event by
     * {@code actor}. Nothing is deleted. All or nothing.
     */
    @Transactional
    public ImportReport importSnapshot(DirectorySnapshot snapshot, String actor) {
        checkUnique(snapshot);
        List<String> changes = new ArrayList<>();
        Map<String, DirectorySnapshot.PartnerEntry> listed = new HashMap<>();
        snapshot.partners().forEach(entry -> listed.put(entry.id(), entry));

        // First release every domain that changes hands or goes away, so that a domain can move
        // from one partner to another within one import without two owners at any moment.
        Map<String, Set<String>> domainsBefore = new HashMap<>();
        for (Partner partner : partners.findAll()) {
            domainsBefore.put(partner.id(), partner.domains());
            DirectorySnapshot.PartnerEntry entry = listed.get(partner.id());
            if (entry == null) {
                if (partner.suspend()) {
                    change(changes, actor, "partner.suspended", "partner:" + partner.id(), "not in the imported directory");
                }
            } else {
                partner.retainDomains(Set.copyOf(entry.domains()));
            }
        }
        partners.flush();

        Set<String> listedContacts = new HashSet<>();
        int contactCount = 0;
        for (DirectorySnapshot.PartnerEntry entry : snapshot.partners()) {
            Set<String> domains = new TreeSet<>(entry.domains());
            Optional<Partner> existing = partners.findById(entry.id());
            if (existing.isEmpty()) {
                Partner partner = new Partner(entry.id(), entry.name(), entry.active());
                partner.update(entry.name(), entry.active(), domains);
                partners.save(partner);
                change(changes, actor, "partner.created", "partner:" + entry.id(), entry.name() + " " + domains);
            } else {
                boolean changed = existing.get().update(entry.name(), entry.active(), domains);
                if (changed || !domains.equals(domainsBefore.get(entry.id()))) {
                    change(changes, actor, "partner.updated", "partner:" + entry.id(), entry.name() + " " + domains
                            + (entry.active() ? "" : " suspended"));
                }
            }
            for (DirectorySnapshot.ContactEntry contactEntry : entry.contacts()) {
                contactCount++;
                DirectorySnapshot.ContactEntry effective = entry.active() ? contactEntry
                        : new DirectorySnapshot.ContactEntry(contactEntry.email(), contactEntry.name(), contactEntry.role(),
                                false, contactEntry.smimeCertificate());
                listedContacts.add(effective.email());
                upsertContact(entry.id(), effective, actor, changes);
            }
        }
        for (Contact contact : contacts.findAll()) {
            if (!listedContacts.contains(contact.email()) && contact.disable()) {
                change(changes, actor, "contact.disabled", "contact:" + contact.email(), "not in the imported directory");
            }
        }
        partners.flush();
        return new ImportReport(snapshot.partners().size(), contactCount, changes);
    }

    private void upsertContact(String partnerId, DirectorySnapshot.ContactEntry entry, String actor, List<String> changes) {
        Optional<Contact> existing = contacts.findByEmail(entry.email());
        String subject = "contact:" + entry.email();
        if (existing.isEmpty()) {
            contacts.save(new Contact(partnerId, entry));
            change(changes, actor, "contact.created", subject, describe(partnerId, entry));
            return;
        }
        Contact contact = existing.get();
        boolean wasActive = contact.active();
        if (contact.update(partnerId, entry)) {
            String action = wasActive && !entry.active() ? "contact.disabled" : "contact.updated";
            change(changes, actor, action, subject, describe(partnerId, entry));
        }
    }

    private static String describe(String partnerId, DirectorySnapshot.ContactEntry entry) {
        return "partner=" + partnerId + " role=" + entry.role().id() + " active=" + entry.active()
                + (entry.smimeCertificate() == null ? "" : " certificate pinned");
    }

    private void change(List<String> changes, String actor, String action, String subject, String details) {
        audit.record(actor, action, subject, details);
        changes.add(action + " " + subject);
    }

    private static void checkUnique(DirectorySnapshot snapshot) {
        Map<String, String> domainOwner = new HashMap<>();
        Map<String, String> contactOwner = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (DirectorySnapshot.PartnerEntry partner : snapshot.partners()) {
            if (!ids.add(partner.id())) {
                throw new DirectoryConflictException("partner id " + partner.id() + " is listed twice");
            }
            for (String domain : partner.domains()) {
                String other = domainOwner.putIfAbsent(domain, partner.id());
                if (other != null && !other.equals(partner.id())) {
                    throw new DirectoryConflictException("domain " + domain + " is claimed by " + other + " and " + partner.id());
                }
            }
            for (DirectorySnapshot.ContactEntry contact : partner.contacts()) {
                String other = contactOwner.putIfAbsent(contact.email(), partner.id());
                if (other != null) {
                    throw new DirectoryConflictException("contact " + contact.email() + " is listed for " + other
                            + (other.equals(partner.id()) ? " twice" : " and " + partner.id()));
                }
            }
        }
    }
}
