package org.supportgate.auth.trust;

import java.util.Objects;

/**
 * The directory's contact for the From address.
 *
 * @param email the registered address
 * @param displayName the registered name
 * @param partnerId the partner the contact belongs to
 * @param active false once the contact was disabled (left the company, reported compromised)
 * @param role the contact's role in the partner ("admin", "technical", ...), for evidence
 * @param pinnedCertificate a certificate is pinned for this contact
 */
public record KnownContact(
        String email, String displayName, String partnerId, boolean active, String role,
        boolean pinnedCertificate) {

    public KnownContact {
        Objects.requireNonNull(email, "email");
        displayName = displayName == null ? "" : displayName;
        Objects.requireNonNull(partnerId, "partnerId");
        role = role == null ? "" : role;
    }
}
