package org.supportgate.gateway.intake;

import java.util.Optional;
import org.supportgate.ticketing.partner.Contact;
import org.supportgate.auth.trust.Assurance;

/**
 * Who sent a message, as far as authentication proves it: the From address and name, whether
 * DMARC passed aligned for it, and the directory contact it is, if it is one.
 */
record Sender(String address, String name, boolean authenticated, Optional<Contact> contact) {

    /** EMAIL for an authenticated, active contact of a partner; NONE otherwise. */
    Assurance assurance() {
        return authenticated && contact.filter(Contact::active).isPresent() ? Assurance.EMAIL : Assurance.NONE;
    }

    String partnerId() {
        return contact.filter(c -> authenticated && c.active()).map(Contact::partnerId).orElse(null);
    }
}
