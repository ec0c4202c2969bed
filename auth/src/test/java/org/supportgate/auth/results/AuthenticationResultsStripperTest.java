package org.supportgate.auth.results;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AuthenticationResultsStripperTest {

    private final AuthenticationResultsStripper stripper = new AuthenticationResultsStripper("mx.Supportgate.example");

    private String strip(String message) {
        return new String(stripper.strip(message.getBytes(ISO_8859_1)).message(), ISO_8859_1);
    }

    @Test
    void removesOurResultsAndKeepsOthersByteExact() {
        String others = "Authentication-Results: mx.other.example;\r\n\tspf=pass smtp.mailfrom=a@b.example\r\n"
                + "ARC-Authentication-Results: i=1; mx.supportgate.example; dmarc=pass\r\n"
                + "Received: from x  (y)\r\n";
        String message = "Authentication-Results: mx.supportgate.example; dmarc=pass header.from=evil.example\r\n"
                + others
                + "authentication-results :  MX.SUPPORTGATE.EXAMPLE 1; spf=pass\r\n"
                + "Subject: hi\r\n\r\nAuthentication-Results: mx.supportgate.example; body stays\r\n";
        AuthenticationResultsStripper.Stripped stripped = stripper.strip(message.getBytes(ISO_8859_1));
        assertThat(new String(stripped.message(), ISO_8859_1)).isEqualTo(
                others + "Subject: hi\r\n\r\nAuthentication-Results: mx.supportgate.example; body stays\r\n");
        assertThat(stripped.removedFields()).containsExactly("Authentication-Results", "authentication-results");
    }

    @Test
    void readsTheAuthservIdPastCommentsAndFolding() {
        assertThat(strip("Authentication-Results: (comment (nested)) mx.supportgate.example; spf=pass\r\nA: b\r\n"))
                .isEqualTo("A: b\r\n");
        assertThat(strip("Authentication-Results:\r\n (forged)\r\n\t\"mx.supportgate.example\" ; none\r\nA: b\r\n"))
                .isEqualTo("A: b\r\n");
        assertThat(strip("Authentication-Results: mx.supportgate.example.evil.example; none\r\nA: b\r\n"))
                .startsWith("Authentication-Results: mx.supportgate.example.evil.example");
    }

    @Test
    void removesFoldedFieldsWhole() {
        String message = "A: 1\r\nAuthentication-Results: mx.supportgate.example;\r\n"
                + "\tdkim=pass header.d=x.example\r\n  header.s=y\r\nB: 2\r\n\r\nbody";
        assertThat(strip(message)).isEqualTo("A: 1\r\nB: 2\r\n\r\nbody");
    }

    @Test
    void removesOurOwnHeadersInAnyCase() {
        String message = "X-Supportgate-Ticket: 42\r\nx-SUPPORTGATE-trust: high\r\nX-Supportgated: keep\r\n"
                + "X-Other: keep\r\n\r\nX-Supportgate-Body: keep\r\n";
        assertThat(strip(message)).isEqualTo("X-Supportgated: keep\r\nX-Other: keep\r\n\r\nX-Supportgate-Body: keep\r\n");
    }

    @Test
    void keepsBareLfMessagesAndNonFieldLines() {
        String message = "From sender@example.com Mon Jan 1\nnot a header line\n"
                + "Authentication-Results: mx.supportgate.example; none\n  continued\nSubject: x\n\nbody\n";
        assertThat(strip(message)).isEqualTo("From sender@example.com Mon Jan 1\nnot a header line\nSubject: x\n\nbody\n");
    }

    @Test
    void removesOurFieldsWithNoOrUnreadableValueAndKeepsOtherEmptyFields() {
        assertThat(strip("Authentication-Results:\r\nAuthentication-Results: (broken\r\nSubject:\r\n\r\n"))
                .isEqualTo("Subject:\r\n\r\n");
    }

    @Test
    void headerOnlyMessageWithoutFinalNewline() {
        assertThat(strip("Subject: x\r\nAuthentication-Results: mx.supportgate.example; none")).isEqualTo("Subject: x\r\n");
        assertThat(strip("")).isEmpty();
        assertThat(strip("\r\n\r\n")).isEqualTo("\r\n\r\n");
    }

    @Test
    void keepsNonAsciiBytesExactly() {
        byte[] message = "Subject: caf\u00e9 \u2603\r\nAuthentication-Results: mx.supportgate.example; none\r\n\r\n\u00ff\u0000"
                .getBytes(UTF_8);
        byte[] stripped = stripper.strip(message).message();
        assertThat(new String(stripped, UTF_8)).isEqualTo("Subject: caf\u00e9 \u2603\r\n\r\n\u00ff\u0000");
    }

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(7);
        byte[] alphabet = "Authentication-Results: mx.supportgate.example()\"\\;\r\n\t \u00ff".getBytes(ISO_8859_1);
        for (int n = 0; n < 3000; n++) {
            byte[] message = new byte[random.nextInt(200)];
            for (int i = 0; i < message.length; i++) {
                message[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            AuthenticationResultsStripper.Stripped stripped = stripper.strip(message);
            assertThat(stripped.message().length).isLessThanOrEqualTo(message.length);
        }
    }

    @Test
    void handlesAHugeHeaderBlockInLinearTime() {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            message.append("Authentication-Results: ").append("(".repeat(40)).append("\r\n\tX-Pad: ")
                    .append(i).append("\r\n");
        }
        message.append("X-Long: ").append("a".repeat(2_000_000)).append("\r\n\r\nbody");
        byte[] stripped = stripper.strip(message.toString().getBytes(ISO_8859_1)).message();
        assertThat(new String(stripped, ISO_8859_1)).startsWith("X-Long: aaa").endsWith("\r\n\r\nbody");
    }

    @Test
    void decidesOnAlreadySplitFields() {
        assertThat(stripper.shouldRemove("Authentication-Results", " mx.supportgate.example; none")).isTrue();
        assertThat(stripper.shouldRemove("Authentication-Results", " other.example; none")).isFalse();
        assertThat(stripper.shouldRemove("ARC-Authentication-Results", " i=1; mx.supportgate.example; none")).isFalse();
        assertThat(stripper.shouldRemove("X-Supportgate-Assurance", "SIGNED")).isTrue();
    }

    @Test
    void removesTheFieldWeRenderOurselves() {
        String ours = AuthenticationResultsHeader.of("mx.supportgate.example", java.util.List.of(
                new MethodResult("spf", "pass", java.util.List.of(Property.smtp("mailfrom", "a b@x.example"))),
                new MethodResult("dmarc", "pass", java.util.List.of(Property.header("from", "x.example")))))
                .withVersion(1).field();
        assertThat(strip(ours + "\r\nSubject: x\r\n\r\n")).isEqualTo("Subject: x\r\n\r\n");
    }
}
