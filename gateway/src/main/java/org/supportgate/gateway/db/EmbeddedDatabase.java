package org.supportgate.gateway.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL on a persistent data directory. {@link #start()} and {@link #stop()} may
 * be called repeatedly; a restart keeps the port, so connection pools reconnect by themselves.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path dataDir;
    private final Duration staleServerStopTimeout;
    private int port;
    private EmbeddedPostgres server;
    private FileChannel lockFile;
    private FileLock ownership;

    public EmbeddedDatabase(EmbeddedDatabaseProperties properties) {
        this.dataDir = properties.embeddedDir().toAbsolutePath().normalize();
        this.port = properties.embeddedPort();
        this.staleServerStopTimeout = properties.staleServerStopTimeout();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            takeOwnership();
            stopStaleServer();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    // The library's defaults trade durability for test speed; a 250 needs both on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200");
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder.start();
            port = server.getPort();
            log.info("Embedded PostgreSQL started on localhost:{} with data in {}", port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL in " + dataDir, e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
        releaseOwnership();
    }

    /**
     * Holds an OS lock on {@code <data-dir>.lock} for as long as this process runs the database.
     * The OS drops the lock when the process dies, however it dies, so a postmaster found running
     * without a lock holder was left by a killed daemon, and one with a holder belongs to a live
     * daemon and must not be touched.
     */
    private void takeOwnership() throws IOException {
        if (ownership != null) {
            return;
        }
        Path lockPath = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the embedded database in " + dataDir + " is in use by another running"
                    + " Supportgate process; stop it first, or give this one its own supportgate.db.embedded-dir");
        }
        lockFile = channel;
        ownership = lock;
    }

    private void releaseOwnership() {
        try {
            if (ownership != null) {
                ownership.release();
            }
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException e) {
            log.debug("releasing {}.lock: {}", dataDir, e.toString());
        } finally {
            ownership = null;
            lockFile = null;
        }
    }

    public synchronized String jdbcUrl() {
        if (server == null) {
            throw new IllegalStateException("embedded PostgreSQL is not running");
        }
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * A daemon killed with SIGKILL leaves its postmaster running on our data directory, and a
     * second postmaster cannot start there. Ask the old one for a smart shutdown (SIGTERM) and
     * wait: its clients died with the old JVM, so it stops promptly and cleanly.
     */
    private void stopStaleServer() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return; // not a pid file PostgreSQL wrote completely; it checks again itself
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL server (pid {}) from an earlier run still uses {}; stopping it", pid, dataDir);
        process.get().destroy();
        try {
            process.get().onExit().get(staleServerStopTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL pid " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL pid " + pid + " on " + dataDir
                    + " did not stop within " + staleServerStopTimeout + "; stop it and start again", e);
        }
    }
}
