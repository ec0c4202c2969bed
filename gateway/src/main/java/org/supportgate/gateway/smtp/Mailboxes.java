package org.supportgate.gateway.smtp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The addresses we accept mail for. Matching ignores case: support mailboxes are not case-keyed. */
final class Mailboxes {

    private final Set<String> addresses;

    Mailboxes(List<String> addresses) {
        this.addresses = addresses.stream().map(Mailboxes::normalise).collect(Collectors.toUnmodifiableSet());
        if (this.addresses.isEmpty()) {
            throw new IllegalArgumentException("supportgate.smtp.mailboxes must name at least one address");
        }
    }

    boolean accepts(String address) {
        return addresses.contains(normalise(address));
    }

    static String normalise(String address) {
        String trimmed = address.strip();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
