package org.supportgate.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.io.DotTerminatedInputStream;
import org.subethamail.smtp.internal.io.DotUnstuffingInputStream;

/**
 * The chunked DATA reader against the library's byte-at-a-time streams, on the same wire bytes
 * arranged as the library's DATA command arranges them: both must end at the same ".CRLF", give
 * the same message and leave the same bytes (the client's next command) unread.
 */
class DataReaderTest {

    private static final int SESSION_BUFFER = 8192;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void agreesWithLibraryOnRandomDotsAndLineEnds() throws Exception {
        Random random = new Random(20261122);
        byte[] alphabet = {'.', '.', '\r', '\n', '\r', '\n', 'a', 'b'};
        for (int round = 0; round < 400; round++) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.write('x'); // a dot on the first line is where the two differ; see the test below
            int length = random.nextInt(round % 4 == 0 ? 40_000 : 300);
            for (int i = 0; i < length; i++) {
                wire.write(alphabet[random.nextInt(alphabet.length)]);
            }
            wire.writeBytes(ascii("\r\n.\r\nMAIL FROM:<next@example>\r\n"));

            Outcome ours = readWithDataReader(wire.toByteArray(), Long.MAX_VALUE);
            Outcome library = readWithLibrary(wire.toByteArray());

            assertThat(ours.message()).as("round %d", round).isEqualTo(library.message());
            assertThat(ours.unread()).as("round %d", round).isEqualTo(library.unread());
        }
    }

    @Test
    void findsEndOfDataAndStuffedDotsAroundChunkBoundaries() throws Exception {
        for (int offset = SESSION_BUFFER - 8; offset <= SESSION_BUFFER + 8; offset++) {
            for (String tail : new String[] {".\r\n", "..stuffed\r\n.\r\n", ".\r.\r\n\r\n.\r\n"}) {
                byte[] wire = concat(ascii("y".repeat(offset) + "\r\n" + tail), ascii("QUIT\r\n"));

                Outcome ours = readWithDataReader(wire, Long.MAX_VALUE);
                Outcome library = readWithLibrary(wire);

                assertThat(ours.message()).isEqualTo(library.message());
                assertThat(ours.unread()).isEqualTo("QUIT\r\n");
            }
        }
    }

    @Test
    void unstuffsDotOnFirstLineAsRfc5321Says() throws Exception {
        Outcome ours = readWithDataReader(ascii("..first line\r\nsecond\r\n.\r\n"), Long.MAX_VALUE);

        assertThat(ours.message()).isEqualTo(".first line\r\nsecond\r\n");
    }

    @Test
    void readsEmptyMessage() throws Exception {
        Outcome ours = readWithDataReader(ascii(".\r\nRSET\r\n"), Long.MAX_VALUE);

        assertThat(ours.message()).isEmpty();
        assertThat(ours.unread()).isEqualTo("RSET\r\n");
    }

    @Test
    void refusesOversizeMessageAfterReadingToItsEnd() throws Exception {
        byte[] wire = ascii("0123456789\r\n0123456789\r\n.\r\nQUIT\r\n");
        BufferedInputStream raw = new BufferedInputStream(new ByteArrayInputStream(wire), SESSION_BUFFER);
        InputStream data = new DotUnstuffingInputStream(new DotTerminatedInputStream(raw));

        assertThatThrownBy(() -> reader(10).read(data, raw, new Socket()))
                .isInstanceOfSatisfying(RejectException.class, e -> assertThat(e.getErrorResponse()).startsWith("552 5.3.4"));
        assertThat(new String(raw.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("QUIT\r\n");
    }

    @Test
    void failsWhenConnectionEndsBeforeEndOfData() {
        byte[] wire = ascii("half a message\r\n.");
        BufferedInputStream raw = new BufferedInputStream(new ByteArrayInputStream(wire), SESSION_BUFFER);
        InputStream data = new DotUnstuffingInputStream(new DotTerminatedInputStream(raw));

        assertThatThrownBy(() -> reader(Long.MAX_VALUE).read(data, raw, new Socket())).isInstanceOf(EOFException.class);
    }

    private record Outcome(String message, String unread) {}

    private Outcome readWithDataReader(byte[] wire, long maxSize) throws IOException, RejectException {
        BufferedInputStream raw = new BufferedInputStream(new ByteArrayInputStream(wire), SESSION_BUFFER);
        InputStream data = new DotUnstuffingInputStream(new DotTerminatedInputStream(raw));
        byte[] message = reader(maxSize).read(data, raw, new Socket());
        // What the library's DATA command does after the handler returns.
        while (data.read() != -1) {
            message = concat(message, ascii("<the library read more than the reader>"));
        }
        return new Outcome(latin1(message), latin1(raw.readAllBytes()));
    }

    private static Outcome readWithLibrary(byte[] wire) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(new ByteArrayInputStream(wire), SESSION_BUFFER);
        InputStream data = new DotUnstuffingInputStream(new DotTerminatedInputStream(raw));
        return new Outcome(latin1(data.readAllBytes()), latin1(raw.readAllBytes()));
    }

    private DataReader reader(long maxSize) {
        return new DataReader(maxSize, Duration.ofMinutes(1), timers);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
