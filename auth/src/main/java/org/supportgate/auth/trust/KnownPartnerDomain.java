package org.supportgate.auth.trust;

import java.util.Locale;
import java.util.Objects;

/** A domain the directory lists for a partner, in A-labels. */
public record KnownPartnerDomain(String domain, String partnerId) {

    public KnownPartnerDomain {
        domain = Objects.requireNonNull(domain, "domain").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(partnerId, "partnerId");
    }
}
