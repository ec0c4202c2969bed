package org.supportgate.auth.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RawMessageTest {

    private static MessageParse parse(String text, MessageLimits limits) {
        return RawMessage.parse(text.getBytes(StandardCharsets.ISO_8859_1), limits);
    }

    @Test
    void keepsFieldsInOrderWithTheirExactBytesAndFolding() {
        RawMessage m = RawMessage.of("Subject: one\r\n two\r\nX-Tab:\tv\r\nsubject: again\r\n\r\nbody\r\n");
        assertThat(m.headers()).extracting(HeaderField::raw)
                .containsExactly("Subject: one\r\n two", "X-Tab:\tv", "subject: again");
        assertThat(m.headers("SUBJECT")).hasSize(2);
        assertThat(m.headers().getFirst().value()).isEqualTo(" one\r\n two");
        assertThat(new String(m.body(), StandardCharsets.ISO_8859_1)).isEqualTo("body\r\n");
    }

    @Test
    void readsBareLfAsCrlf() {
        RawMessage m = RawMessage.of("A: 1\n b\nB: 2\n\nline\nline2\n");
        assertThat(m.headers().getFirst().raw()).isEqualTo("A: 1\r\n b");
        assertThat(new String(m.body(), StandardCharsets.ISO_8859_1)).isEqualTo("line\r\nline2\r\n");
    }

    @Test
    void keepsEightBitOctetsUnchanged() {
        byte[] raw = "Subject: caf\u00e9\r\n\r\n\u00ff\r\n".getBytes(StandardCharsets.ISO_8859_1);
        RawMessage m = RawMessage.of(raw);
        assertThat(m.toBytes()).isEqualTo(raw);
    }

    @Test
    void handlesEmptyMessagesAndMissingParts() {
        assertThat(RawMessage.of("").headers()).isEmpty();
        assertThat(RawMessage.of("\r\nonly body\r\n").headers()).isEmpty();
        RawMessage headersOnly = RawMessage.of("A: 1\r\nB: 2");
        assertThat(headersOnly.headers()).hasSize(2);
        assertThat(headersOnly.body()).isEmpty();
    }

    @Test
    void rejectsTooManyHeaderFields() {
        String many = "X: 1\r\n".repeat(11) + "\r\n";
        assertThat(parse(many, new MessageLimits(10, 1000, 100_000)))
                .isInstanceOfSatisfying(MessageParse.Rejected.class,
                        r -> assertThat(r.bound()).isEqualTo(MessageParse.Bound.HEADER_FIELDS));
        assertThat(parse(many, new MessageLimits(11, 1000, 100_000))).isInstanceOf(MessageParse.Parsed.class);
    }

    @Test
    void rejectsAnOverlongField() {
        String folded = "X: " + "a\r\n b".repeat(500) + "\r\n\r\n";
        assertThat(parse(folded, new MessageLimits(10, 1000, 100_000)))
                .isInstanceOfSatisfying(MessageParse.Rejected.class,
                        r -> assertThat(r.bound()).isEqualTo(MessageParse.Bound.FIELD_OCTETS));
    }

    @Test
    void rejectsAnOverlongHeaderSection() {
        String fields = "X: 0123456789\r\n".repeat(100) + "\r\n";
        assertThat(parse(fields, new MessageLimits(1000, 1000, 500)))
                .isInstanceOfSatisfying(MessageParse.Rejected.class,
                        r -> assertThat(r.bound()).isEqualTo(MessageParse.Bound.HEADER_OCTETS));
    }

    @Test
    void neverThrowsOnArbitraryBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            for (int j = 0; j < noise.length; j += 7) {
                noise[j] = (byte) "\r\n: \t;=".charAt(random.nextInt(7));
            }
            assertThat(RawMessage.parse(noise, new MessageLimits(20, 100, 200))).isNotNull();
        }
    }
}
