package org.supportgate.auth.dmarc;

import java.util.List;
import java.util.Optional;

/**
 * The facts DMARC needs about one message.
 *
 * @param fromDomains the domains of every mailbox in the From header field(s), as extracted by
 *     {@link FromDomains#parse(String)}; DMARC applies only when there is exactly one
 * @param spf the SPF check of the MAIL FROM identity, or empty when SPF was not run
 * @param dkim every checked DKIM signature
 */
public record DmarcInput(List<String> fromDomains, Optional<SpfIdentity> spf, List<DkimIdentity> dkim) {
    public DmarcInput {
        fromDomains = List.copyOf(fromDomains);
        dkim = List.copyOf(dkim);
        if (spf == null) {
            throw new IllegalArgumentException("spf must not be null; use Optional.empty()");
        }
    }
}
