package org.supportgate.gateway.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
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
 * Reads the DATA bytes with a size cap and a deadline.
 *
 * <p>The bytes come straight from the session's buffered input, a chunk at a time, and are
 * dot-unstuffed here: the library's own DATA stream hands out one byte per call through three
 * layers and a lock, which was four fifths of the daemon's CPU under load. The chunk is marked so
 * that nothing past the end of DATA is consumed (a client may already have sent its next command);
 * the closing ".CRLF" is left for the library's stream, which then ends where ours did.
 *
 * <p>Past the size cap the rest is read and thrown away, so the dialogue stays in step, and the
 * message is refused with 552 5.3.4. The deadline is a timer, not a check between reads: a client
 * dripping a byte at a time blocks inside a read, so when the deadline passes the timer shuts the
 * socket's input down, the blocked read ends, and the client gets 421 4.4.2. (A TLS socket cannot
 * be half-closed; it is closed instead.)
 */
final class DataReader {

    /** Bytes read at once; the session's buffer holds 8 KiB. */
    private static final int CHUNK = 8192;

    private final long maxSize;
    private final Duration deadline;
    private final ScheduledExecutorService timers;

    DataReader(long maxSize, Duration deadline, ScheduledExecutorService timers) {
        this.maxSize = maxSize;
        this.deadline = deadline;
        this.timers = timers;
    }

    /**
     * @param data the library's DATA stream, used only to consume the closing ".CRLF"
     * @param raw the session's buffered input, which {@code data} reads from
     */
    byte[] read(InputStream data, InputStream raw, Socket socket) throws IOException, RejectException {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> timer = timers.schedule(() -> {
            expired.set(true);
            cutOff(socket);
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return readAll(data, raw);
        } catch (IOException e) {
            if (expired.get()) {
                throw new DropConnectionException(421, "4.4.2 DATA took too long, closing connection");
            }
            throw e;
        } finally {
            timer.cancel(false);
        }
    }

    private byte[] readAll(InputStream data, InputStream raw) throws IOException, RejectException {
        if (!raw.markSupported()) {
            throw new IOException("session input cannot be marked; DATA cannot be read in chunks");
        }
        Capped out = new Capped(maxSize);
        byte[] chunk = new byte[CHUNK];
        // The two bytes before the current one; a line starts after CRLF, as in the library.
        int previous = '\n';
        int beforePrevious = '\r';
        while (true) {
            raw.mark(CHUNK);
            int n = raw.read(chunk, 0, CHUNK);
            if (n < 0) {
                throw new EOFException("connection closed before the end of DATA");
            }
            int i = 0;
            for (; i < n; i++) {
                byte b = chunk[i];
                if (b == '.' && previous == '\n' && beforePrevious == '\r') {
                    out.write(chunk, 0, i);
                    raw.reset();
                    raw.skipNBytes(i);
                    if (atEndOfData(raw)) {
                        return finish(out, data);
                    }
                    // A stuffed dot: drop it and go on from the byte after it.
                    raw.skipNBytes(1);
                    previous = '.';
                    beforePrevious = '\n';
                    break;
                }
                beforePrevious = previous;
                previous = b;
            }
            if (i == n) {
                out.write(chunk, 0, n);
            }
        }
    }

    /** True if the input, positioned at a dot that starts a line, is at ".CRLF"; consumes nothing. */
    private static boolean atEndOfData(InputStream raw) throws IOException {
        raw.mark(3);
        byte[] ahead = raw.readNBytes(3);
        raw.reset();
        if (ahead.length < 3) {
            throw new EOFException("connection closed before the end of DATA");
        }
        return ahead[1] == '\r' && ahead[2] == '\n';
    }

    /** Lets the library's stream consume the ".CRLF" it would have ended on, then checks the size. */
    private byte[] finish(Capped out, InputStream data) throws IOException, RejectException {
        if (data.read() != -1) {
            throw new IOException("DATA stream out of step with the library's: it did not end at .CRLF");
        }
        if (out.total > maxSize) {
            throw new RejectException(552, "5.3.4 Message size exceeds fixed limit of " + maxSize + " bytes");
        }
        return out.bytes.toByteArray();
    }

    /** Keeps bytes up to the cap and counts the rest, so the dialogue stays in step. */
    private static final class Capped {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        private final long cap;
        private long total;

        Capped(long cap) {
            this.cap = cap;
        }

        void write(byte[] chunk, int offset, int length) {
            if (total + length <= cap) {
                bytes.write(chunk, offset, length);
            }
            total += length;
        }
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
