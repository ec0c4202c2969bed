package org.supportgate.auth.dmarc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.supportgate.auth.dns.DnsAnswer;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.dns.MxRecord;
import org.supportgate.auth.dns.StaticDnsResolver;

/**
 * Test DNS data written like a master file: one record a line, {@code name TYPE data}. TXT data is
 * one or more quoted character-strings (concatenated); {@code name TIMEOUT} makes every query of
 * the name a temporary error; {@code name EXISTS} makes it exist with no records. Remembers the
 * TXT names asked, so tests can check the tree walk's queries.
 */
final class Zone implements DnsResolver {

    private final StaticDnsResolver resolver;
    final List<String> txtQueries = new ArrayList<>();

    private Zone(StaticDnsResolver resolver) {
        this.resolver = resolver;
    }

    static Zone of(String text) {
        StaticDnsResolver.Builder builder = StaticDnsResolver.builder();
        for (String raw : text.strip().split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            String name = parts[0];
            switch (parts[1].toUpperCase()) {
                case "TXT" -> builder.txt(name, characterStrings(parts[2]));
                case "A" -> builder.a(name, address(parts[2]));
                case "AAAA" -> builder.aaaa(name, address(parts[2]));
                case "MX" -> {
                    String[] mx = parts[2].split("\\s+");
                    builder.mx(name, Integer.parseInt(mx[0]), mx[1]);
                }
                case "TIMEOUT" -> builder.timeout(name);
                case "EXISTS" -> builder.exists(name);
                default -> throw new IllegalArgumentException("unknown type in: " + line);
            }
        }
        return new Zone(builder.build());
    }

    private static String characterStrings(String data) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '"') {
                inside = !inside;
            } else if (c == '\\' && inside) {
                out.append(data.charAt(++i));
            } else if (inside) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        txtQueries.add(name);
        return resolver.txt(name);
    }

    @Override
    public DnsAnswer<InetAddress> a(String name) {
        return resolver.a(name);
    }

    @Override
    public DnsAnswer<InetAddress> aaaa(String name) {
        return resolver.aaaa(name);
    }

    @Override
    public DnsAnswer<MxRecord> mx(String name) {
        return resolver.mx(name);
    }

    @Override
    public DnsAnswer<String> ptr(InetAddress address) {
        return resolver.ptr(address);
    }
}
