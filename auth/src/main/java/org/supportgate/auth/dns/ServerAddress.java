package org.supportgate.auth.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.xbill.DNS.SimpleResolver;

/** A DNS server address as the operator writes it in configuration. */
final class ServerAddress {

    private ServerAddress() {}

    /** "host", "host:port", "[v6]", "[v6]:port" or a bare IPv6 literal. */
    static InetSocketAddress parse(String server) {
        String host = server.strip();
        int port = SimpleResolver.DEFAULT_PORT;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad DNS server: " + server);
            }
            if (close + 1 < host.length()) {
                port = port(host.substring(close + 1), server);
            }
            host = host.substring(1, close);
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            port = port(host.substring(host.indexOf(':')), server);
            host = host.substring(0, host.indexOf(':'));
        }
        try {
            // Configuration, not untrusted input: a host name here is resolved once, by the system.
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad DNS server: " + server, e);
        }
    }

    private static int port(String colonPort, String server) {
        try {
            int port = Integer.parseInt(colonPort.substring(1));
            if (port < 1 || port > 65535 || !colonPort.startsWith(":")) {
                throw new NumberFormatException(colonPort);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad DNS server port: " + server, e);
        }
    }
}
