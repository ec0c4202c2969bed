package org.supportgate.auth.dns;

import java.net.InetAddress;

/**
 * Typed DNS lookups. Names are given without a trailing dot and compared case-insensitively.
 * Implementations are thread-safe, bound each query in time and never throw for a DNS outcome:
 * failures come back as {@link DnsAnswer.TempError}.
 */
public interface DnsResolver {

    /** TXT records, each record's character-strings concatenated (RFC 7208 section 3.3). */
    DnsAnswer<String> txt(String name);

    /** A records (IPv4). */
    DnsAnswer<InetAddress> a(String name);

    /** AAAA records (IPv6). */
    DnsAnswer<InetAddress> aaaa(String name);

    /** MX records, in no particular order. */
    DnsAnswer<MxRecord> mx(String name);

    /** PTR records of the reverse name for the address, as host names without trailing dot. */
    DnsAnswer<String> ptr(InetAddress address);
}
