package org.supportgate.ticketing.partner;

import java.util.List;

/** The whole directory as an import gives it: validated, domains and addresses in lower case. */
public record DirectorySnapshot(List<PartnerEntry> partners) {

    public DirectorySnapshot {
        partners = List.copyOf(partners);
    }

    /** @param active false suspends the partner (its contacts are then disabled too) */
    public record PartnerEntry(String id, String name, boolean active, List<String> domains, List<ContactEntry> contacts) {
        public PartnerEntry {
            domains = List.copyOf(domains);
            contacts = List.copyOf(contacts);
        }
    }

    /** @param smimeCertificate the pinned certificate as PEM, or null */
    public record ContactEntry(String email, String name, ContactRole role, boolean active, String smimeCertificate) {}
}
