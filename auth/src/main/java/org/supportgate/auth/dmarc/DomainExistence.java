package org.supportgate.auth.dmarc;

import java.util.List;
import java.util.function.Function;
import org.supportgate.auth.dns.DnsAnswer;
import org.supportgate.auth.dns.DnsResolver;

/**
 * Whether an Author Domain exists, for the {@code np} tag. RFC 9989 section 3.2 ("Non-existent
 * Domains") takes the meaning of RFC 8020: an NXDOMAIN answer means the name does not exist. The
 * name is asked for A, AAAA and MX, and counts as non-existent only when every answer is NXDOMAIN,
 * so one inconsistent or lagging server cannot make a live domain look dead.
 */
final class DomainExistence {

    sealed interface Existence {
        record Exists() implements Existence {}

        record DoesNotExist() implements Existence {}

        record Unknown(String reason) implements Existence {}
    }

    private DomainExistence() {}

    static Existence of(String domain, DnsResolver resolver) {
        List<Function<String, DnsAnswer<?>>> queries =
                List.of(resolver::a, resolver::aaaa, resolver::mx);
        for (Function<String, DnsAnswer<?>> query : queries) {
            switch (query.apply(domain)) {
                case DnsAnswer.Records<?> r -> {
                    return new Existence.Exists();
                }
                case DnsAnswer.NoData<?> n -> {
                    return new Existence.Exists();
                }
                case DnsAnswer.TempError<?> t -> {
                    return new Existence.Unknown(domain + ": " + t.reason());
                }
                case DnsAnswer.NxDomain<?> n -> {
                    // Not proof yet; ask the next type.
                }
            }
        }
        return new Existence.DoesNotExist();
    }
}
