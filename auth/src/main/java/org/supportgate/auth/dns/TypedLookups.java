package org.supportgate.auth.dns;

import java.net.InetAddress;

/**
 * The typed lookups of {@link DnsResolver}, each one a call of {@link #lookup(String, QueryType)}:
 * a resolver says once how it answers a name and a type, and this maps the five record kinds to it.
 */
abstract class TypedLookups implements DnsResolver {

    /** Answers one query; the value type follows the query type (String, InetAddress, MxRecord). */
    abstract <T> DnsAnswer<T> lookup(String name, QueryType type);

    @Override
    public final DnsAnswer<String> txt(String name) {
        return lookup(name, QueryType.TXT);
    }

    @Override
    public final DnsAnswer<InetAddress> a(String name) {
        return lookup(name, QueryType.A);
    }

    @Override
    public final DnsAnswer<InetAddress> aaaa(String name) {
        return lookup(name, QueryType.AAAA);
    }

    @Override
    public final DnsAnswer<MxRecord> mx(String name) {
        return lookup(name, QueryType.MX);
    }

    @Override
    public final DnsAnswer<String> ptr(InetAddress address) {
        return lookup(ReverseName.of(address), QueryType.PTR);
    }
}
