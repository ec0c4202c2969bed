package org.supportgate.auth.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A resolver that answers from records given in code: the zone data of a test scenario, or a
 * fixed set of records for offline analysis. Names not given are NXDOMAIN; a name given with other
 * types only is NODATA; names marked with {@link Builder#timeout(String)} give a temporary error
 * for every type.
 */
public final class StaticDnsResolver extends TypedLookups {

    /** Longest CNAME chain followed, as a recursive resolver bounds it; longer is an error. */
    private static final int MAX_CNAME_CHAIN = 8;

    private final Map<String, Map<QueryType, List<Object>>> records;
    private final Set<String> timeouts;
    private final Set<String> timeoutsWhereEmpty;
    private final Map<String, String> aliases;

    private StaticDnsResolver(Map<String, Map<QueryType, List<Object>>> records, Set<String> timeouts,
            Set<String> timeoutsWhereEmpty, Map<String, String> aliases) {
        this.records = records;
        this.timeouts = timeouts;
        this.timeoutsWhereEmpty = timeoutsWhereEmpty;
        this.aliases = aliases;
    }

    public static Builder builder() {
        return new Builder();
    }

    @SuppressWarnings("unchecked")
    @Override
    <T> DnsAnswer<T> lookup(String name, QueryType type) {
        String key = normalise(name);
        for (int hops = 0; aliases.containsKey(key); hops++) {
            if (hops == MAX_CNAME_CHAIN || timeouts.contains(key)) {
                return new DnsAnswer.TempError<>(hops == MAX_CNAME_CHAIN
                        ? "CNAME chain too long or looping at " + key : "timeout (static)");
            }
            key = aliases.get(key);
        }
        if (timeouts.contains(key)) {
            return new DnsAnswer.TempError<>("timeout (static)");
        }
        Map<QueryType, List<Object>> byType = records.get(key);
        if (byType == null) {
            return timeoutsWhereEmpty.contains(key)
                    ? new DnsAnswer.TempError<>("timeout (static)")
                    : new DnsAnswer.NxDomain<>();
        }
        List<Object> values = byType.getOrDefault(type, List.of());
        if (values.isEmpty() && timeoutsWhereEmpty.contains(key)) {
            return new DnsAnswer.TempError<>("timeout (static)");
        }
        return DnsAnswer.of((List<T>) values);
    }

    static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Collects records; {@link #build()} freezes them. */
    public static final class Builder {
        private final Map<String, Map<QueryType, List<Object>>> records = new HashMap<>();
        private final Set<String> timeouts = new HashSet<>();
        private final Set<String> timeoutsWhereEmpty = new HashSet<>();
        private final Map<String, String> aliases = new HashMap<>();

        private Builder add(String name, QueryType type, Object value) {
            records.computeIfAbsent(normalise(name), k -> new HashMap<>())
                    .computeIfAbsent(type, k -> new ArrayList<>())
                    .add(value);
            return this;
        }

        public Builder txt(String name, String value) {
            return add(name, QueryType.TXT, value);
        }

        public Builder a(String name, InetAddress address) {
            return add(name, QueryType.A, address);
        }

        public Builder aaaa(String name, InetAddress address) {
            return add(name, QueryType.AAAA, address);
        }

        public Builder mx(String name, int preference, String exchange) {
            return add(name, QueryType.MX, new MxRecord(preference, normalise(exchange)));
        }

        public Builder ptr(InetAddress address, String host) {
            return add(ReverseName.of(address), QueryType.PTR, normalise(host));
        }

        /** The name exists (so lookups of other types give NODATA rather than NXDOMAIN). */
        public Builder exists(String name) {
            records.computeIfAbsent(normalise(name), k -> new HashMap<>());
            return this;
        }

        /** Every lookup of this name gives a temporary error. */
        public Builder timeout(String name) {
            timeouts.add(normalise(name));
            return this;
        }

        /**
         * Lookups of this name give a temporary error for every type it has no records of, as a
         * server does that answers some types and drops queries for others.
         */
        public Builder timeoutWhereEmpty(String name) {
            timeoutsWhereEmpty.add(normalise(name));
            return this;
        }

        /** The name is an alias (CNAME): lookups of any type continue at the target. */
        public Builder cname(String alias, String target) {
            aliases.put(normalise(alias), normalise(target));
            return this;
        }

        public StaticDnsResolver build() {
            Map<String, Map<QueryType, List<Object>>> frozen = new HashMap<>();
            records.forEach((name, byType) -> {
                Map<QueryType, List<Object>> copy = new HashMap<>();
                byType.forEach((type, values) -> copy.put(type, List.copyOf(values)));
                frozen.put(name, Map.copyOf(copy));
            });
            return new StaticDnsResolver(Map.copyOf(frozen), Set.copyOf(timeouts),
                    Set.copyOf(timeoutsWhereEmpty), Map.copyOf(aliases));
        }
    }
}
