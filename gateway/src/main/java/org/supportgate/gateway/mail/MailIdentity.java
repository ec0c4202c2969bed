package org.supportgate.gateway.mail;

import java.util.Locale;

/**
 * Who our outgoing mail is from: the domain of our Message-IDs and loop header, and the From
 * address and name.
 */
public record MailIdentity(String domain, String address, String name) {

    static MailIdentity of(MailProperties mail, String smtpHostname) {
        String domain = mail.domain().isBlank() ? smtpHostname : mail.domain();
        domain = domain.strip().toLowerCase(Locale.ROOT);
        String address = mail.from().isBlank() ? "support@" + domain : mail.from().strip();
        return new MailIdentity(domain, address, HeaderText.clean(mail.fromName(), 64));
    }

    /** The domain of the From address (what a DKIM signature aligns with). */
    String fromDomain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    String localPart() {
        return address.substring(0, address.lastIndexOf('@'));
    }
}
