package org.supportgate.auth.spf;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds on one SPF check (RFC 7208 section 4.6.4), plus our own size caps.
 *
 * @param dnsTerms terms that query DNS (include, a, mx, ptr, exists, redirect); more is permerror
 * @param voidLookups lookups answering NXDOMAIN or NODATA; more is permerror
 * @param namesPerLookup MX or PTR names looked at per term: more MX names is permerror, PTR
 *     names beyond it are ignored
 * @param recordLength longest SPF record accepted, in characters; longer is permerror
 * @param timeBudget total time for one check, DNS included; running out is temperror
 */
public record SpfLimits(int dnsTerms, int voidLookups, int namesPerLookup, int recordLength,
        Duration timeBudget) {

    public SpfLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (dnsTerms < 1 || voidLookups < 0 || namesPerLookup < 1 || recordLength < 16
                || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("SPF limits out of range: " + dnsTerms + ", "
                    + voidLookups + ", " + namesPerLookup + ", " + recordLength + ", " + timeBudget);
        }
    }

    /** RFC 7208 defaults: 10 DNS terms, 2 void lookups, 10 names; 20 s as section 4.6.4 advises. */
    public static SpfLimits rfc7208() {
        return new SpfLimits(10, 2, 10, 4096, Duration.ofSeconds(20));
    }
}
