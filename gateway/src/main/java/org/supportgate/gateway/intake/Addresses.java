package org.supportgate.gateway.intake;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Addresses from header values (From, Reply-To, Sender), leniently: bad syntax gives none. */
final class Addresses {

    private Addresses() {}

    static Optional<InternetAddress> first(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
            return addresses.length == 0 ? Optional.empty() : Optional.of(addresses[0]);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** Every address in the value, lower case; at most 16. */
    static List<String> all(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(InternetAddress.parseHeader(header, false)).limit(16)
                    .map(a -> a.getAddress() == null ? "" : a.getAddress().toLowerCase(Locale.ROOT))
                    .filter(a -> !a.isEmpty()).toList();
        } catch (AddressException e) {
            return List.of();
        }
    }
}
