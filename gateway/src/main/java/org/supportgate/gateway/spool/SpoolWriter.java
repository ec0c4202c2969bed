package org.supportgate.gateway.spool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Commits accepted messages to the spool in groups: sessions that finish DATA at about the same
 * time share one transaction and one fsync, and each is answered only after that commit.
 */
@Component
public class SpoolWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SpoolWriter.class);

    private static final String INSERT = """
            INSERT INTO inbound_message (id, state, received_at, client_ip, helo, mail_from, rcpt_to,
                tls_protocol, tls_cipher, size, sha256, trace_header, raw, next_attempt_at)
            VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private record Pending(SpoolEntry entry, CompletableFuture<Void> committed) {}

    private final DataSource dataSource;
    private final SpoolProperties properties;
    private final SpoolSignal signal;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    public SpoolWriter(DataSource dataSource, SpoolProperties properties, SpoolSignal signal) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.signal = signal;
    }

    /**
     * Makes the message durable, or fails. Returns only after the transaction holding the row
     * has committed.
     */
    public void write(SpoolEntry entry) throws SpoolUnavailableException {
        if (!running) {
            throw new SpoolUnavailableException("spool writer is not running", null);
        }
        Pending pending = new Pending(entry, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.committed().get(properties.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SpoolUnavailableException("spool commit failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SpoolUnavailableException("spool commit timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpoolUnavailableException("interrupted while waiting for the spool", e);
        }
    }

    private void runWriter() {
        List<Pending> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                long bytes = first.entry().raw().length;
                while (group.size() < properties.maxGroupMessages()
                        && bytes < properties.maxGroupSize().toBytes()) {
                    Pending next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    group.add(next);
                    bytes += next.entry().raw().length;
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        try {
            insert(group);
        } catch (SQLException first) {
            if (!brokenConnection(first)) {
                fail(group, first);
                return;
            }
            // A pooled connection from before a database restart: one fresh try, then give up.
            try {
                insert(group);
            } catch (SQLException | RuntimeException second) {
                second.addSuppressed(first);
                fail(group, second);
                return;
            }
        } catch (RuntimeException e) {
            fail(group, e);
            return;
        }
        group.forEach(p -> p.committed().complete(null));
        signal.signal();
    }

    private void insert(List<Pending> group) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending pending : group) {
                    bind(connection, insert, pending.entry());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
    }

    /** SQLSTATE class 08 (connection exception) or 57P0x (the server shut the session down). */
    private static boolean brokenConnection(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    private static void fail(List<Pending> group, Exception e) {
        log.warn("Spool commit of {} message(s) failed: {}", group.size(), e.toString());
        group.forEach(p -> p.committed().completeExceptionally(e));
    }

    private static void bind(Connection connection, PreparedStatement insert, SpoolEntry entry) throws SQLException {
        Envelope envelope = entry.envelope();
        Timestamp receivedAt = Timestamp.from(envelope.receivedAt());
        insert.setString(1, entry.id());
        insert.setTimestamp(2, receivedAt);
        insert.setString(3, envelope.clientIp());
        insert.setString(4, envelope.helo());
        insert.setString(5, envelope.mailFrom());
        insert.setArray(6, connection.createArrayOf("text", envelope.rcptTo().toArray()));
        insert.setString(7, envelope.tlsProtocol());
        insert.setString(8, envelope.tlsCipher());
        insert.setInt(9, entry.raw().length);
        insert.setString(10, entry.sha256());
        insert.setString(11, entry.traceHeader());
        insert.setBytes(12, entry.raw());
        insert.setTimestamp(13, receivedAt);
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.writers(); i++) {
            Thread writer = Thread.ofPlatform().name("spool-writer-" + i).daemon().start(this::runWriter);
            writers.add(writer);
        }
    }

    /** Drains what is queued, then stops: a session waiting for its commit still gets an answer. */
    @Override
    public void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(properties.commitTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
        Pending left;
        while ((left = queue.poll()) != null) {
            left.committed().completeExceptionally(new IllegalStateException("daemon is stopping"));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the SMTP listener, which depends on it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
