package org.supportgate.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.supportgate.gateway.intake.MessageSummary.Attachment;

/**
 * The parser on ordinary mail and on hostile mail. Every message is built here, so each test
 * shows the exact bytes it feeds in. For hostile input the contract is: no exception escapes, what
 * could be read is kept, and what was wrong or past a limit is named in {@code defects}.
 */
class MessageParserTest {

    /** The defaults of supportgate.intake.limits. */
    private static final IntakeProperties.Limits LIMITS = new IntakeProperties.Limits(
            1000, DataSize.ofKilobytes(64), 20, 500, DataSize.ofMegabytes(1));

    private final MessageParser parser = new MessageParser(LIMITS);

    // ---- ordinary mail ----

    @Test
    void readsEverySummaryFieldOfPlainTextMessage() {
        String utf8Subject = "=?UTF-8?B?" + base64("Überweisung geändert ✓") + "?=";
        MessageSummary summary = parse("""
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@partner.example>
                Reply-To: =?ISO-8859-1?Q?Ren=E9e_Dupr=E9?= <renee@partner.example>
                Sender: Relay <relay@partner.example>
                To: Support <support@localhost>
                Cc: Ops <ops@partner.example>,
                 Billing <billing@partner.example>
                Subject: %s - =?ISO-8859-1?Q?caf=E9_cr=E8me?=
                Message-ID: <m1@partner.example>
                In-Reply-To: <t0@support.example>
                References: <t0@support.example>
                 <t1@support.example>
                Date: Sun, 22 Nov 2026 10:00:00 +0000
                Auto-Submitted: no
                Precedence: first-class
                List-Id: Partner Ops <ops.partner.example>

                Our outbound queue has been stuck since 09:00.
                Please look.
                """.formatted(utf8Subject));

        assertThat(summary.from()).isEqualTo("Jürgen Müller <juergen@partner.example>");
        assertThat(summary.replyTo()).isEqualTo("Renée Dupré <renee@partner.example>");
        assertThat(summary.sender()).isEqualTo("Relay <relay@partner.example>");
        assertThat(summary.to()).isEqualTo("Support <support@localhost>");
        assertThat(summary.cc()).isEqualTo("Ops <ops@partner.example>, Billing <billing@partner.example>");
        assertThat(summary.subject()).isEqualTo("Überweisung geändert ✓ - café crème");
        assertThat(summary.messageId()).isEqualTo("<m1@partner.example>");
        assertThat(summary.inReplyTo()).isEqualTo("<t0@support.example>");
        assertThat(summary.references()).isEqualTo("<t0@support.example> <t1@support.example>");
        assertThat(summary.date()).isEqualTo("Sun, 22 Nov 2026 10:00:00 +0000");
        assertThat(summary.autoSubmitted()).isEqualTo("no");
        assertThat(summary.precedence()).isEqualTo("first-class");
        assertThat(summary.listId()).isEqualTo("Partner Ops <ops.partner.example>");
        assertThat(summary.textBody()).isEqualTo("Our outbound queue has been stuck since 09:00.\r\nPlease look.\r\n");
        assertThat(summary.textSource()).isEqualTo("text/plain");
        assertThat(summary.textTruncated()).isFalse();
        assertThat(summary.attachments()).isEmpty();
        assertThat(summary.headerCount()).isEqualTo(13);
        assertThat(summary.defects()).isEmpty();
    }

    @Test
    void leavesFieldsTheMessageLacksNull() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: hello

                body
                """);

        assertThat(summary.replyTo()).isNull();
        assertThat(summary.sender()).isNull();
        assertThat(summary.to()).isNull();
        assertThat(summary.messageId()).isNull();
        assertThat(summary.listId()).isNull();
        assertThat(summary.defects()).isEmpty();
    }

    @Test
    void prefersTextPlainInMultipartAlternative() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: alternative
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/html; charset=utf-8

                <p>The <b>HTML</b> version</p>
                --alt
                Content-Type: text/plain; charset=utf-8

                The plain version
                --alt--
                """);

        assertThat(summary.textBody()).isEqualTo("The plain version");
        assertThat(summary.textSource()).isEqualTo("text/plain");
        assertThat(summary.attachments()).isEmpty();
        assertThat(summary.partCount()).isEqualTo(2);
        assertThat(summary.defects()).isEmpty();
    }

    @Test
    void derivesTextFromHtmlOnlyMessage() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: html only
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                <html><head><title>Title text</title><style>p { color: red; }</style></head>
                <body><script>alert("x")</script><h1>Mail   stuck</h1>
                <p>Caf&eacute; &amp; cr&#232;me &lt;tag&gt;</p><div>second<br>third</div>
                <ul><li>one</li><li>two</li></ul></body></html>
                """);

        assertThat(summary.textSource()).isEqualTo("text/html");
        assertThat(summary.textBody()).isEqualTo("Mail stuck\n\nCafé & crème <tag>\n\nsecond\nthird\n\none\ntwo");
        assertThat(summary.textBody()).doesNotContain("alert", "color", "Title text", "<p>", "<b>");
        assertThat(summary.defects()).isEmpty();
    }

    @Test
    void derivesTextFromHtmlTableRowByRow() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: html table
                Content-Type: text/html; charset=utf-8

                <table><tr><th>Domain</th><th>State</th></tr><tr><td>a.example</td><td>blocked</td></tr></table>
                """);

        assertThat(summary.textBody()).isEqualTo("Domain State\na.example blocked");
        assertThat(summary.defects()).isEmpty();
    }

    @Test
    void namesAttachmentsFromDispositionFilenameAndContentTypeName() {
        byte[] pdf = bytes(3000);
        byte[] png = bytes(700);
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: attachments
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: text/plain; charset=us-ascii

                See attached.
                --mix
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="report 2026.pdf"
                Content-Transfer-Encoding: base64

                %s
                --mix
                Content-Type: image/png; name="logo.png"
                Content-Transfer-Encoding: base64

                %s
                --mix--
                """.formatted(base64Lines(pdf), base64Lines(png)));

        assertThat(summary.textBody()).isEqualTo("See attached.");
        assertThat(summary.attachments()).containsExactly(
                new Attachment("report 2026.pdf", "application/pdf", 3000),
                new Attachment("logo.png", "image/png", 700));
        assertThat(summary.partCount()).isEqualTo(3);
        assertThat(summary.defects()).isEmpty();
    }

    @Test
    void decodesRfc2231AndRfc2047AttachmentNames() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: encoded names
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
                Content-Disposition: attachment; filename*=UTF-8''%C3%9Cbersicht%202026.xlsx
                Content-Transfer-Encoding: base64

                AAEC
                --mix
                Content-Type: application/octet-stream; name="=?UTF-8?B?UHLDvGZiZXJpY2h0LnR4dA==?="
                Content-Disposition: attachment
                Content-Transfer-Encoding: base64

                AAECAw==
                --mix--
                """);

        assertThat(summary.attachments()).extracting(Attachment::name)
                .containsExactly("Übersicht 2026.xlsx", "Prüfbericht.txt");
        assertThat(summary.attachments()).extracting(Attachment::size).containsExactly(3L, 4L);
        assertThat(summary.defects()).isEmpty();
    }

    @Test
    void measuresDecodedSizeOfBase64AndQuotedPrintableAttachments() {
        byte[] binary = bytes(10_000);
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: sizes
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename=blob.bin
                Content-Transfer-Encoding: base64

                %s
                --mix
                Content-Type: text/csv; charset=iso-8859-1
                Content-Disposition: attachment; filename=data.csv
                Content-Transfer-Encoding: quoted-printable

                a=3Db,caf=E9
                long line wrapped here=
                 and continued
                --mix--
                """.formatted(base64Lines(binary)));

        // "a=b,caf\xe9" CRLF "long line wrapped here and continued": soft break removed, the last
        // CRLF belongs to the boundary.
        assertThat(summary.attachments()).containsExactly(
                new Attachment("blob.bin", "application/octet-stream", 10_000),
                new Attachment("data.csv", "text/csv", 8 + 2 + 36));
        assertThat(summary.defects()).isEmpty();
    }

    // ---- broken MIME ----

    @Test
    void keepsPartsOfMultipartWithoutClosingBoundary() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: cut off
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: text/plain

                First part.
                --mix
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename=tail.bin
                Content-Transfer-Encoding: base64

                AAECAwQF
                """);

        assertThat(summary.textBody()).isEqualTo("First part.");
        assertThat(summary.attachments()).containsExactly(new Attachment("tail.bin", "application/octet-stream", 6));
        assertThat(summary.defects())
                .containsExactly("Body part ended prematurely. Boundary detected in header or EOF reached.");
    }

    @Test
    void readsMultipartWithoutBoundaryAsText() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: no boundary
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                --x
                Content-Type: text/plain

                inside
                --x--
                """);

        assertThat(summary.textSource()).isEqualTo("text/plain");
        assertThat(summary.textBody()).contains("inside");
        assertThat(summary.partCount()).isZero();
        assertThat(summary.defects()).containsExactly("multipart without a boundary parameter; read as text/plain");
    }

    @Test
    void keepsWhatDecodesFromBase64WithInvalidCharacters() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: bad base64
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: text/plain

                text
                --mix
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename=bad.bin
                Content-Transfer-Encoding: base64

                AAEC!!!*AwQF~~
                --mix--
                """);

        assertThat(summary.textBody()).isEqualTo("text");
        assertThat(summary.attachments()).containsExactly(new Attachment("bad.bin", "application/octet-stream", 6));
        // One defect per invalid character: '!' is 33, '*' 42, '~' 126.
        assertThat(summary.defects()).containsExactly("Unexpected base64 byte: 33", "Unexpected base64 byte: 33",
                "Unexpected base64 byte: 33", "Unexpected base64 byte: 42", "Unexpected base64 byte: 126",
                "Unexpected base64 byte: 126");
    }

    @Test
    void keepsBadQuotedPrintableAsWritten() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: bad qp
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                price =ZZ100 and =4 end=C3=A9
                """);

        assertThat(summary.textBody()).startsWith("price ").contains("100").endsWith("end\u00e9\r\n");
        // One for "=ZZ", one for "=4 ".
        assertThat(summary.defects())
                .containsExactly("Malformed encoded value encountered", "Malformed encoded value encountered");
    }

    @Test
    void readsUnknownCharsetAsUtf8() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                Subject: unknown charset
                MIME-Version: 1.0
                Content-Type: text/plain; charset=x-no-such-charset

                grüße
                """);

        assertThat(summary.textBody()).isEqualTo("grüße\r\n");
        assertThat(summary.defects()).containsExactly("unknown charset x-no-such-charset; read as UTF-8");
    }

    @Test
    void replacesInvalidUtf8InUtf8Part() {
        byte[] raw = concat(crlf("""
                From: alice@partner.example
                Subject: invalid utf-8
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                ok\s"""), new byte[] {(byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF}, crlf(" end\n"));

        MessageSummary summary = parse(raw);

        assertThat(summary.textBody()).isEqualTo("ok \ufffd( \ufffd end\r\n");
        assertThat(summary.defects()).containsExactly("text is not valid UTF-8; undecodable bytes replaced");
    }

    @Test
    void recordsHeaderLineWithoutColon() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                This line has no colon
                Subject: after the broken line

                body
                """);

        assertThat(summary.from()).isEqualTo("alice@partner.example");
        assertThat(summary.subject()).isEqualTo("after the broken line");
        assertThat(summary.headerCount()).isEqualTo(2);
        assertThat(summary.textBody()).isEqualTo("body\r\n");
        assertThat(summary.defects()).containsExactly("Invalid header encountered");
    }

    @Test
    void keepsNulBytesWithoutFailing() {
        byte[] raw = crlf("""
                From: alice\0@partner.example
                Subject: nul\0bytes

                before\0after
                """);

        MessageSummary summary = parse(raw);

        assertThat(summary.subject()).isEqualTo("nul\0bytes");
        assertThat(summary.from()).isEqualTo("alice\0@partner.example");
        assertThat(summary.textBody()).isEqualTo("before\0after\r\n");
        assertThat(summary.defects()).containsExactly("NUL bytes in the message");
    }

    @Test
    void readsMessageWithBareLineFeeds() {
        byte[] raw = """
                From: alice@partner.example
                Subject: bare LF
                 folded
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: text/plain

                line one
                line two
                --mix
                Content-Type: application/octet-stream; name=a.bin
                Content-Transfer-Encoding: base64

                AAEC
                --mix--
                """.getBytes(StandardCharsets.UTF_8);

        MessageSummary summary = parse(raw);

        assertThat(summary.subject()).isEqualTo("bare LF folded");
        assertThat(summary.textBody()).isEqualTo("line one\nline two");
        assertThat(summary.attachments()).containsExactly(new Attachment("a.bin", "application/octet-stream", 3));
        assertThat(summary.defects()).containsExactly("bare LF line ends (not CRLF)");
    }

    @Test
    void readsHeaderOnlyMessageWithoutBlankLine() {
        MessageSummary summary = parse(crlf("From: alice@partner.example\nSubject: no body\n"));

        assertThat(summary.from()).isEqualTo("alice@partner.example");
        assertThat(summary.subject()).isEqualTo("no body");
        assertThat(summary.textBody()).isEmpty();
        assertThat(summary.headerCount()).isEqualTo(2);
        assertThat(summary.defects())
                .containsExactly("Unexpected end of headers detected. Higher level boundary detected or EOF reached.");
    }

    @Test
    void readsHeaderOnlyMessageWithoutFinalLineBreak() {
        MessageSummary summary = parse("Subject: unterminated".getBytes(StandardCharsets.US_ASCII));

        assertThat(summary.subject()).isEqualTo("unterminated");
        assertThat(summary.textBody()).isEmpty();
        assertThat(summary.defects())
                .containsExactly("Unexpected end of headers detected. Higher level boundary detected or EOF reached.");
    }

    @Test
    void summarisesEmptyMessageAsEmpty() {
        MessageSummary summary = parse(new byte[0]);

        assertThat(summary.from()).isNull();
        assertThat(summary.subject()).isNull();
        assertThat(summary.textBody()).isEmpty();
        assertThat(summary.headerCount()).isZero();
        assertThat(summary.attachments()).isEmpty();
        assertThat(summary.defects()).contains("no header fields");
    }

    @Test
    void readsRawUtf8Headers() {
        MessageSummary summary = parse("""
                From: Jürgen Müller <jürgen@müller.example>
                To: support@localhost
                Subject: Störung: E-Mails hängen – 緊急

                Grüße
                """);

        assertThat(summary.from()).isEqualTo("Jürgen Müller <jürgen@müller.example>");
        assertThat(summary.subject()).isEqualTo("Störung: E-Mails hängen – 緊急");
        assertThat(summary.textBody()).isEqualTo("Grüße\r\n");
        assertThat(summary.defects()).isEmpty();
    }

    @Test
    void keepsLatin1HeaderBytesThatAreNotUtf8() {
        byte[] raw = concat("Subject: caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9},
                crlf("\n\nbody\n"));

        MessageSummary summary = parse(raw);

        assertThat(summary.subject()).isEqualTo("café");
    }

    // ---- limits ----

    @Test
    void stopsAtHeaderCountLimitKeepingFieldsReadBefore() {
        StringBuilder message = new StringBuilder("From: alice@partner.example\nSubject: many fields\n");
        for (int i = 0; i < 10_000; i++) {
            message.append("X-Filler-").append(i).append(": value\n");
        }
        message.append("\nbody\n");

        MessageSummary summary = parse(message.toString());

        assertThat(summary.from()).isEqualTo("alice@partner.example");
        assertThat(summary.subject()).isEqualTo("many fields");
        assertThat(summary.headerCount()).isEqualTo(LIMITS.maxHeaderCount());
        assertThat(summary.textSource()).isEqualTo("none");
        assertThat(summary.defects()).containsExactly("parsing stopped: Maximum header limit (1000) exceeded");
    }

    @Test
    void stopsAtOneMebibyteHeaderLine() {
        String huge = "x".repeat(1024 * 1024);
        MessageSummary summary = parse("From: alice@partner.example\nSubject: " + huge + "\n\nbody\n");

        assertThat(summary.from()).isEqualTo("alice@partner.example");
        assertThat(summary.subject()).isNull();
        assertThat(summary.defects()).containsExactly("parsing stopped: Maximum header length limit (65536) exceeded");
    }

    @Test
    void stopsAtMimeDepthLimitOnThousandNestedMultiparts() {
        int levels = 1000;
        StringBuilder message = new StringBuilder("From: alice@partner.example\nSubject: deep\nMIME-Version: 1.0\n");
        for (int i = 0; i < levels; i++) {
            message.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
        }
        message.append("Content-Type: text/plain\n\ninnermost\n");
        for (int i = levels - 1; i >= 0; i--) {
            message.append("--b").append(i).append("--\n");
        }

        MessageSummary summary = parse(message.toString());

        assertThat(summary.from()).isEqualTo("alice@partner.example");
        assertThat(summary.textBody()).isEmpty();
        assertThat(summary.defects()).contains("MIME nesting deeper than 20 levels; the rest is not parsed");
    }

    @Test
    void stopsAtPartLimitOnFiveThousandParts() {
        StringBuilder message = new StringBuilder("""
                From: alice@partner.example
                Subject: many parts
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="p"

                --p
                Content-Type: text/plain

                first
                """);
        for (int i = 0; i < 4999; i++) {
            message.append("--p\nContent-Type: application/octet-stream; name=f").append(i).append(".bin\n\nx\n");
        }
        message.append("--p--\n");

        MessageSummary summary = parse(message.toString());

        assertThat(summary.textBody()).isEqualTo("first");
        assertThat(summary.attachments()).hasSize(LIMITS.maxParts() - 1);
        assertThat(summary.defects()).contains("more than 500 MIME parts; the rest is not parsed");
    }

    @Test
    void truncatesFiveMebibyteTextBody() {
        StringBuilder body = new StringBuilder(5 * 1024 * 1024 + 100);
        String line = "a".repeat(78) + "\n";
        while (body.length() < 5 * 1024 * 1024) {
            body.append(line);
        }

        MessageSummary summary = parse("From: alice@partner.example\nSubject: long\n\n" + body);

        assertThat(summary.textTruncated()).isTrue();
        assertThat(summary.textBody()).hasSize((int) LIMITS.maxTextBody().toBytes()).startsWith("aaaa");
        assertThat(summary.defects()).containsExactly("text body longer than 1048576 bytes; the rest is not kept");
    }

    @Test
    void recordsTwoFromFieldsAndKeepsTheFirst() {
        MessageSummary summary = parse("""
                From: alice@partner.example
                From: mallory@attacker.example
                Subject: which sender

                body
                """);

        assertThat(summary.from()).isEqualTo("alice@partner.example");
        assertThat(summary.defects()).containsExactly("2 From header fields");
    }

    // ---- building messages ----

    /** Parses a message written with LF line ends in a text block, sent with CRLF as on the wire. */
    private MessageSummary parse(String message) {
        return parse(crlf(message));
    }

    /** Parses the bytes; no exception may escape whatever they hold. */
    private MessageSummary parse(byte[] raw) {
        AtomicReference<MessageSummary> summary = new AtomicReference<>();
        assertThatCode(() -> summary.set(parser.parse(raw))).doesNotThrowAnyException();
        assertThat(summary.get()).isNotNull();
        return summary.get();
    }

    private static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64 in 76-character lines, as mail clients write it. */
    private static String base64Lines(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes).replace("\r\n", "\n");
    }
}
