package org.supportgate.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

/** RFC 6376 section 3.4 rules, starting with the worked example of section 3.4.5. */
class CanonicalizationTest {

    private static final RawMessage EXAMPLE = RawMessage.of(
            "A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n");

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String headers(Canonicalization c) {
        StringBuilder out = new StringBuilder();
        EXAMPLE.headers().forEach(h -> out.append(c.header(h)));
        return out.toString();
    }

    @Test
    void relaxedExampleOfSection345() {
        assertThat(headers(Canonicalization.RELAXED)).isEqualTo("a:X\r\nb:Y Z\r\n");
        assertThat(text(Canonicalization.RELAXED.body(EXAMPLE.body()))).isEqualTo(" C\r\nD E\r\n");
    }

    @Test
    void simpleExampleOfSection345() {
        assertThat(headers(Canonicalization.SIMPLE)).isEqualTo("A: X\r\nB : Y\t\r\n\tZ  \r\n");
        assertThat(text(Canonicalization.SIMPLE.body(EXAMPLE.body()))).isEqualTo(" C \r\nD \t E\r\n");
    }

    @Test
    void emptyBodyIsOneCrlfInSimpleAndNothingInRelaxed() {
        assertThat(text(Canonicalization.SIMPLE.body(new byte[0]))).isEqualTo("\r\n");
        assertThat(text(Canonicalization.RELAXED.body(new byte[0]))).isEmpty();
        assertThat(text(Canonicalization.SIMPLE.body("\r\n\r\n".getBytes()))).isEqualTo("\r\n");
        assertThat(text(Canonicalization.RELAXED.body(" \r\n\t\r\n".getBytes()))).isEmpty();
    }

    @Test
    void bodyWithoutFinalLineEndGetsOne() {
        assertThat(text(Canonicalization.SIMPLE.body("last".getBytes()))).isEqualTo("last\r\n");
        assertThat(text(Canonicalization.RELAXED.body("last  ".getBytes()))).isEqualTo("last\r\n");
    }

    @Test
    void simpleBodyKeepsInnerWhitespaceAndInnerEmptyLines() {
        assertThat(text(Canonicalization.SIMPLE.body("a  b\r\n\r\nc\r\n\r\n".getBytes()))).isEqualTo("a  b\r\n\r\nc\r\n");
        assertThat(text(Canonicalization.RELAXED.body("a  b\r\n\r\nc\r\n\r\n".getBytes()))).isEqualTo("a b\r\n\r\nc\r\n");
    }

    @Test
    void relaxedBodyMatchesTheRfcRulesAppliedLineByLineOnRandomBodies() {
        // Octets chosen to hit every rule: WSP runs, CRLF, CR and LF on their own, line content.
        byte[] alphabet = {' ', ' ', '\t', '\r', '\n', 'a', 'b', 'c'};
        Random random = new Random(6376);
        for (int i = 0; i < 20_000; i++) {
            byte[] body = new byte[random.nextInt(24)];
            for (int j = 0; j < body.length; j++) {
                body[j] = alphabet[random.nextInt(alphabet.length)];
            }
            assertThat(text(Canonicalization.RELAXED.body(body)))
                    .as("body %s", text(body).replace("\r", "<CR>").replace("\n", "<LF>").replace("\t", "<TAB>"))
                    .isEqualTo(relaxedBodyByTheRfc(text(body)));
        }
    }

    /** RFC 6376 section 3.4.4 read literally, one line at a time, for comparison. */
    private static String relaxedBodyByTheRfc(String body) {
        String[] parts = body.split("\r\n", -1);
        // After the last CRLF comes either nothing or a last line that lacks its CRLF.
        int lines = parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            String line = parts[i].replaceAll("[ \t]+", " ");
            if (line.endsWith(" ")) {
                line = line.substring(0, line.length() - 1);
            }
            out.append(line).append("\r\n");
        }
        String result = out.toString();
        while (result.endsWith("\r\n")) {
            result = result.substring(0, result.length() - 2);
        }
        return result.isEmpty() ? "" : result + "\r\n";
    }

    @Test
    void relaxedHeaderLowercasesNameButNotValueAndDropsWhitespaceAroundColon() {
        HeaderField field = new HeaderField("SubJect ", "SubJect :  Mixed  Case \t");
        assertThat(Canonicalization.RELAXED.header(field)).isEqualTo("subject:Mixed Case\r\n");
    }

    @Test
    void signatureValueIsRemovedButBodyHashIsKept() {
        HeaderField signature = new HeaderField("DKIM-Signature",
                "DKIM-Signature: v=1; bh=abc=; b=dGVzdA==\r\n\tZm9v; d=example.com");
        assertThat(SignedHeaders.withoutSignatureValue(signature).raw())
                .isEqualTo("DKIM-Signature: v=1; bh=abc=; b=; d=example.com");
    }
}
