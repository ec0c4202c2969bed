package org.supportgate.auth.trust;

import java.util.Objects;

/** A known contact's display name and address, to recognise the name on someone else's mail. */
public record KnownContactName(String displayName, String address) {

    public KnownContactName {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(address, "address");
    }
}
