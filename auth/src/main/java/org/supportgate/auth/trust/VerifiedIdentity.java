package org.supportgate.auth.trust;

import java.util.List;

/**
 * A From address that authentication proved, and every route that proved it (in
 * {@link IdentityRoute} order, never empty).
 */
public record VerifiedIdentity(String address, List<IdentityRoute> routes) {

    public VerifiedIdentity {
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("an identity needs at least one route");
        }
    }

    public boolean provedBy(IdentityRoute route) {
        return routes.contains(route);
    }
}
