package org.supportgate.auth.dns;

import java.util.List;

/**
 * The outcome of one DNS query: records, a name that does not exist, a name with no records of
 * the asked type, or a temporary failure to get an answer.
 *
 * @param <T> the record value type
 */
public sealed interface DnsAnswer<T> {

    /** At least one record of the asked type. */
    record Records<T>(List<T> values) implements DnsAnswer<T> {
        public Records {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("Records needs at least one value; use NoData");
            }
        }
    }

    /** RCODE 3: the name does not exist. */
    record NxDomain<T>() implements DnsAnswer<T> {}

    /** The name exists but has no records of the asked type (RCODE 0, empty answer). */
    record NoData<T>() implements DnsAnswer<T> {}

    /** Timeout, SERVFAIL, REFUSED or a transport error: ask again later, never pass or fail. */
    record TempError<T>(String reason) implements DnsAnswer<T> {}

    /** The records, or an empty list for NXDOMAIN and NODATA; throws on a temporary error. */
    default List<T> valuesOrEmpty() {
        return switch (this) {
            case Records<T> r -> r.values();
            case NxDomain<T> n -> List.of();
            case NoData<T> n -> List.of();
            case TempError<T> t -> throw new IllegalStateException("DNS temporary error: " + t.reason());
        };
    }

    /** True for NXDOMAIN and NODATA, the "void lookup" of RFC 7208 section 4.6.4. */
    default boolean isVoid() {
        return this instanceof NxDomain<T> || this instanceof NoData<T>;
    }

    static <T> DnsAnswer<T> of(List<T> values) {
        return values.isEmpty() ? new NoData<>() : new Records<>(values);
    }
}
