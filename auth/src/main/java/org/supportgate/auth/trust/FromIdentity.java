package org.supportgate.auth.trust;

import java.util.Locale;
import java.util.Objects;

/**
 * The single author the From field names: a claim, proven by nothing yet.
 *
 * @param address the addr-spec as written
 * @param displayName the decoded display name, "" when absent
 * @param domain the address's domain in A-labels (as DMARC evaluated it), lower-cased here
 */
public record FromIdentity(String address, String displayName, String domain) {

    public FromIdentity {
        Objects.requireNonNull(address, "address");
        displayName = displayName == null ? "" : displayName;
        domain = Objects.requireNonNull(domain, "domain").toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
    }
}
