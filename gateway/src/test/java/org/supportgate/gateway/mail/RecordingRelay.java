package org.supportgate.gateway.mail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A relay for tests: a SubEthaSMTP server on loopback that keeps every message it accepts, and
 * can be told to answer 4xx or 5xx, or to be down (nothing listening on its port).
 */
public final class RecordingRelay implements AutoCloseable {

    /** How the relay answers. */
    enum Mode { ACCEPT, TEMPFAIL, PERMFAIL, STALL }

    /** A message as the relay got it. */
    public record Received(String mailFrom, List<String> recipients, byte[] data) {

        public String text() {
            return new String(data, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile Mode mode = Mode.ACCEPT;
    private int port;
    private SMTPServer server;

    public RecordingRelay() {
        start(0);
    }

    synchronized void up() {
        if (server == null) {
            start(port);
        }
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    void answer(Mode mode) {
        this.mode = mode;
    }

    /** Points a test daemon's outbox at this relay, polling fast. */
    public void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("supportgate.relay.host", () -> "127.0.0.1");
        registry.add("supportgate.relay.port", this::port);
        registry.add("supportgate.relay.starttls", () -> "never");
        registry.add("supportgate.outbox.poll-interval", () -> "100ms");
    }

    public int port() {
        return port;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Mail transactions that reached MAIL FROM, accepted or not. */
    int attempts() {
        return sessions.get();
    }

    private void start(int wanted) {
        try {
            SMTPServer started = SMTPServer.port(wanted)
                    .bindAddress(InetAddress.getLoopbackAddress())
                    .hostName("relay.test")
                    .messageHandlerFactory(context -> new Handler())
                    .build();
            started.start();
            server = started;
            port = started.getPortAllocated();
        } catch (RuntimeException e) {
            throw new IllegalStateException("relay cannot listen on " + wanted, e);
        }
    }

    private final class Handler implements MessageHandler {

        private String from;
        private final List<String> recipients = new ArrayList<>();

        @Override
        public void from(String from) {
            sessions.incrementAndGet();
            this.from = from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (mode == Mode.PERMFAIL) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            byte[] bytes = data.readAllBytes();
            if (mode == Mode.STALL) {
                try {
                    Thread.sleep(6_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new RejectException(451, "4.3.0 stalled");
            }
            if (mode == Mode.TEMPFAIL) {
                throw new RejectException(451, "4.3.0 Try again later");
            }
            received.add(new Received(from, List.copyOf(recipients), bytes));
            return "2.0.0 Ok: queued as R" + received.size();
        }

        @Override
        public void done() {
            // nothing kept per session
        }
    }

    @Override
    public synchronized void close() {
        down();
    }
}
