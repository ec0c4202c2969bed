package org.supportgate.auth.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A small DNS server on 127.0.0.1 for tests: UDP and TCP on one ephemeral port, answering from
 * zone text as a recursive resolver would. It counts the queries it gets and the most it had in
 * hand at once, and can be told to drop queries (a timeout), or to answer SERVFAIL or REFUSED.
 */
final class LoopbackDnsServer implements AutoCloseable {

    enum Behaviour { ANSWER, DROP, SERVFAIL, REFUSED }

    private final Zone zone;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger inHand = new AtomicInteger();
    private final AtomicInteger mostInHand = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.ANSWER;
    private volatile Duration delay = Duration.ZERO;

    private LoopbackDnsServer(Zone zone, DatagramSocket udp, ServerSocket tcp) {
        this.zone = zone;
        this.udp = udp;
        this.tcp = tcp;
        Thread.ofPlatform().daemon().name("dns-udp-" + udp.getLocalPort()).start(this::serveUdp);
        Thread.ofPlatform().daemon().name("dns-tcp-" + udp.getLocalPort()).start(this::serveTcp);
    }

    static LoopbackDnsServer start(String zoneText) throws IOException {
        Zone zone = Zone.parse(zoneText);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 50, loopback);
                return new LoopbackDnsServer(zone, udp, tcp);
            } catch (IOException portTakenForTcp) {
                last = portTakenForTcp;
                udp.close();
            }
        }
        throw last;
    }

    /** "127.0.0.1:port", as {@link DnsjavaResolver.Config#servers()} takes it. */
    String address() {
        return "127.0.0.1:" + udp.getLocalPort();
    }

    void behave(Behaviour value) {
        behaviour = value;
    }

    void delay(Duration value) {
        delay = value;
    }

    int queries() {
        return total.get();
    }

    int queries(String name, int type) {
        AtomicInteger n = counts.get(key(name, type));
        return n == null ? 0 : n.get();
    }

    int tcpQueries() {
        return tcpQueries.get();
    }

    int mostInHand() {
        return mostInHand.get();
    }

    private static String key(String name, int type) {
        String n = name.toLowerCase(Locale.ROOT);
        return (n.endsWith(".") ? n : n + ".") + "/" + Type.string(type);
    }

    private void serveUdp() {
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
            try {
                udp.receive(packet);
            } catch (IOException closed) {
                return;
            }
            byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            Thread.ofVirtual().start(() -> answer(query, false).ifPresent(bytes -> {
                try {
                    udp.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                } catch (IOException ignored) {
                    // The client went away; a test server has no one to tell.
                }
            }));
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            Socket socket;
            try {
                socket = tcp.accept();
            } catch (IOException closed) {
                return;
            }
            Thread.ofVirtual().start(() -> serveConnection(socket));
        }
    }

    private void serveConnection(Socket socket) {
        try (socket; DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            while (true) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                tcpQueries.incrementAndGet();
                Optional<byte[]> response = answer(query, true);
                if (response.isEmpty()) {
                    return;
                }
                out.writeShort(response.get().length);
                out.write(response.get());
                out.flush();
            }
        } catch (IOException endOfConnection) {
            // The client closed the connection.
        }
    }

    private Optional<byte[]> answer(byte[] wire, boolean overTcp) {
        int now = inHand.incrementAndGet();
        mostInHand.accumulateAndGet(now, Math::max);
        try {
            Message query = new Message(wire);
            Record question = query.getQuestion();
            total.incrementAndGet();
            counts.computeIfAbsent(key(question.getName().toString(), question.getType()),
                    k -> new AtomicInteger()).incrementAndGet();
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            Message response = new Message(query.getHeader().getID());
            response.getHeader().setFlag(Flags.QR);
            response.getHeader().setFlag(Flags.RA);
            if (query.getHeader().getFlag(Flags.RD)) {
                response.getHeader().setFlag(Flags.RD);
            }
            response.addRecord(question, Section.QUESTION);
            switch (behaviour) {
                case DROP -> {
                    return Optional.empty();
                }
                case SERVFAIL -> response.getHeader().setRcode(Rcode.SERVFAIL);
                case REFUSED -> response.getHeader().setRcode(Rcode.REFUSED);
                case ANSWER -> {
                    Zone.Resolution resolution = zone.resolve(question.getName(), question.getType());
                    response.getHeader().setRcode(resolution.rcode());
                    resolution.answer().forEach(r -> response.addRecord(r, Section.ANSWER));
                    resolution.soa().ifPresent(soa -> response.addRecord(soa, Section.AUTHORITY));
                }
            }
            int limit = 512;
            OPTRecord opt = query.getOPT();
            if (opt != null) {
                limit = Math.max(512, opt.getPayloadSize());
                response.addRecord(new OPTRecord(limit, 0, 0), Section.ADDITIONAL);
            }
            return Optional.of(overTcp ? response.toWire() : response.toWire(limit));
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        } finally {
            inHand.decrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
