package org.supportgate.gateway.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;

/**
 * Reads the DATA stream (already dot-unstuffed by the library) with a size cap and a deadline.
 * Past the size cap the rest is read and thrown away, so the dialogue stays in step, and the
 * message is refused with 552 5.3.4. Past the deadline the connection is dropped with 421 4.4.2:
 * a client dripping a byte at a time cannot hold a session beyond it.
 */
final class DataReader {

    private final long maxSize;
    private final Duration deadline;

    DataReader(long maxSize, Duration deadline) {
        this.maxSize = maxSize;
        this.deadline = deadline;
    }

    byte[] read(InputStream data) throws IOException, RejectException, DropConnectionException {
        long endBy = System.nanoTime() + deadline.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = data.read(buffer)) != -1) {
            if (System.nanoTime() > endBy) {
                throw new DropConnectionException(421, "4.4.2 DATA took too long, closing connection");
            }
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
}
