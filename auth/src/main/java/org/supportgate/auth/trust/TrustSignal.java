package org.supportgate.auth.trust;

import java.util.Objects;

/**
 * One piece of hijack or spoofing evidence, for quarantine review: what kind, and exactly what
 * was seen ("Reply-To domain evil.example differs from From domain acme.example").
 */
public record TrustSignal(SignalKind kind, String detail) {

    public TrustSignal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
