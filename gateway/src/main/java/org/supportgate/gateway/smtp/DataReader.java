package org.supportgate.gateway.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;

/**
 * Reads the DATA stream (already dot-unstuffed by the library) with a size cap and a deadline.
 *
 * <p>Past the size cap the rest is read and thrown away, so the dialogue stays in step, and the
 * message is refused with 552 5.3.4. The deadline is a timer, not a check between reads: a client
 * dripping a byte at a time blocks inside a read, so when the deadline passes the timer shuts the
 * socket's input down, the blocked read ends, and the client gets 421 4.4.2. (A TLS socket cannot
 * be half-closed; it is closed instead.)
 */
final class DataReader {

    private final long maxSize;
    private final Duration deadline;
    private final ScheduledExecutorService timers;

    DataReader(long maxSize, Duration deadline, ScheduledExecutorService timers) {
        this.maxSize = maxSize;
        this.deadline = deadline;
        this.timers = timers;
    }

    byte[] read(InputStream data, Socket socket) throws IOException, RejectException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> timer = timers.schedule(() -> {
            expired.set(true);
            cutOff(socket);
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return readAll(data);
        } catch (IOException e) {
            if (expired.get()) {
                throw new DropConnectionException(421, "4.4.2 DATA took too long, closing connection");
            }
            throw e;
        } finally {
            timer.cancel(false);
        }
    }

    private byte[] readAll(InputStream data) throws IOException, RejectException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = data.read(buffer)) != -1) {
            total += n;
            if (total <= maxSize) {
                out.write(buffer, 0, n);
            }
        }
        if (total > maxSize) {
            throw new RejectException(552, "5.3.4 Message size exceeds fixed limit of " + maxSize + " bytes");
        }
        return out.toByteArray();
    }

    private static void cutOff(Socket socket) {
        try {
            if (socket instanceof SSLSocket) {
                socket.close();
            } else {
                socket.shutdownInput();
            }
        } catch (IOException e) {
            // Already closed: the read has ended either way.
        }
    }
}
