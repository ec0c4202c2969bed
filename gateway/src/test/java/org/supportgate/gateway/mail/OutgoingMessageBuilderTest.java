package org.supportgate.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.supportgate.gateway.console.ConsoleProperties;
import org.supportgate.ticketing.reply.Acknowledgement;
import org.supportgate.ticketing.reply.ComposedReply;
import org.supportgate.ticketing.reply.RefusalNotice;

class OutgoingMessageBuilderTest {

    private static final MailProperties PROPERTIES = new MailProperties("", "", "Support \r\nBcc: x@y", Path.of("no-such-dir"),
            "Mon-Fri 09:00-20:00", false);
    private static final MailIdentity IDENTITY = MailIdentity.of(PROPERTIES, "mx.support.example");
    private static final ConsoleProperties CONSOLE = new ConsoleProperties("https://console.support.example/");

    private final OutgoingMessageBuilder builder = new OutgoingMessageBuilder(IDENTITY, PROPERTIES, CONSOLE, OutgoingSigner.NONE);

    private static MimeMessage parse(ComposedReply reply) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(reply.raw()));
    }

    private static Acknowledgement ack(String subject, String name, String inReplyTo, List<String> references) {
        return new Acknowledgement("SG-7KQ2MX", subject, "alice@partner.example", name, inReplyTo, references);
    }

    @Test
    void writesTheRfc3834HeadersAndThreadingFields() throws Exception {
        ComposedReply reply = builder.acknowledgement(ack("Mail stuck", "Alice", "m1@partner.example",
                List.of("m0@partner.example", "m1@partner.example")));
        MimeMessage message = parse(reply);
        assertThat(message.getHeader("Message-ID", null)).isEqualTo("<" + reply.messageId() + ">");
        assertThat(reply.messageId()).endsWith("@mx.support.example");
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(message.getHeader("X-Supportgate-Loop", null)).isEqualTo("mx.support.example");
        assertThat(message.getHeader("In-Reply-To", null)).isEqualTo("<m1@partner.example>");
        assertThat(message.getHeader("References", null)).isEqualTo("<m0@partner.example> <m1@partner.example>");
        assertThat(message.getSubject()).isEqualTo("[SG-7KQ2MX] Mail stuck");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("support@mx.support.example");
        assertThat(reply.envelopeFrom()).isEqualTo("support@mx.support.example");
        assertThat(reply.textBody()).contains("SG-7KQ2MX").contains("Mail stuck").contains("Mon-Fri 09:00-20:00")
                .contains("Hello Alice,");
    }

    @Test
    void neutralisesHeaderInjectionInSubjectAndDisplayNames() throws Exception {
        ComposedReply reply = builder.acknowledgement(ack("Help\r\nBcc: victim@evil.example\r\n\r\nInjected body",
                "Eve\nX-Injected: yes", "m1@partner.example>\r\nBcc: v@evil.example", List.of()));
        String raw = new String(reply.raw(), StandardCharsets.UTF_8);
        MimeMessage message = parse(reply);

        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getHeader("X-Injected")).isNull();
        assertThat(message.getSubject()).isEqualTo("[SG-7KQ2MX] Help Bcc: victim@evil.example Injected body");
        assertThat(((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Eve X-Injected: yes");
        assertThat(message.getHeader("In-Reply-To", null)).isEqualTo("<m1@partner.exampleBcc:v@evil.example>");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Support Bcc: x@y");
        assertThat(Collections.list(message.getAllHeaderLines()).stream().filter(l -> l.startsWith("Bcc"))).isEmpty();
        assertThat(raw.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    }

    @Test
    void encodesNonAsciiAndCutsLongSubjects() throws Exception {
        String long_ = "Überprüfung ☕ ".repeat(100);
        ComposedReply reply = builder.acknowledgement(ack(long_, "José Müller", null, List.of()));
        String raw = new String(reply.raw(), StandardCharsets.US_ASCII);
        MimeMessage message = parse(reply);
        assertThat(raw).contains("Subject: =?UTF-8?").doesNotContain("Überprüfung");
        assertThat(message.getSubject()).startsWith("[SG-7KQ2MX] Überprüfung ☕");
        assertThat(message.getSubject().length()).isLessThanOrEqualTo("[SG-7KQ2MX] ".length() + OutgoingMessageBuilder.MAX_SUBJECT);
        assertThat(((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal()).isEqualTo("José Müller");
        assertThat(message.getHeader("In-Reply-To")).isNull();
        assertThat(raw.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
    }

    @Test
    void keepsTheNewestTenReferencesFolded() throws Exception {
        List<String> many = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "ref" + i + "@partner.example").toList();
        ComposedReply reply = builder.acknowledgement(ack("x", null, "ref29@partner.example", many));
        MimeMessage message = parse(reply);
        String references = message.getHeader("References", null);
        assertThat(references).doesNotContain("ref19@").contains("<ref20@partner.example>").endsWith("<ref29@partner.example>");
        assertThat(new String(reply.raw(), StandardCharsets.US_ASCII).lines().filter(l -> l.startsWith("References:")).findFirst().orElseThrow().length())
                .isLessThanOrEqualTo(78);
    }

    @Test
    void usesAVerpEnvelopeSenderWhenAsked() {
        MailProperties verp = new MailProperties("support.example", "help@support.example", "Support", Path.of("x"), "h", true);
        OutgoingMessageBuilder withVerp = new OutgoingMessageBuilder(MailIdentity.of(verp, "mx"), verp, CONSOLE, OutgoingSigner.NONE);
        ComposedReply reply = withVerp.acknowledgement(ack("x", null, null, List.of()));
        assertThat(reply.verpToken()).hasSize(16);
        assertThat(reply.envelopeFrom()).isEqualTo("help+bounce-" + reply.verpToken() + "@support.example");
        assertThat(reply.messageId()).endsWith("@support.example");
    }

    @Test
    void letsTheSignerSeeAndExtendTheFinishedMessage() {
        OutgoingSigner stamp = (message, domain) -> {
            byte[] header = ("DKIM-Signature: v=1; d=" + domain + "; b=test\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[header.length + message.length];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(message, 0, out, header.length, message.length);
            return out;
        };
        ComposedReply reply = new OutgoingMessageBuilder(IDENTITY, PROPERTIES, CONSOLE, stamp).acknowledgement(ack("x", null, null, List.of()));
        assertThat(new String(reply.raw(), StandardCharsets.US_ASCII)).startsWith("DKIM-Signature: v=1; d=mx.support.example; b=test\r\n");
    }

    @Test
    void escapesTheSubjectInTheHtmlTemplate() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("templates");
        java.nio.file.Files.writeString(dir.resolve("ack.txt"), "Ticket {{ticket}}: {{subject}}");
        java.nio.file.Files.writeString(dir.resolve("ack.html"), "<p>Ticket {{ticket}}: {{subject}}</p>");
        MailProperties withHtml = new MailProperties("", "", "Support", dir, "h", false);
        ComposedReply reply = new OutgoingMessageBuilder(IDENTITY, withHtml, CONSOLE, OutgoingSigner.NONE)
                .acknowledgement(ack("<script>alert(1)</script>", null, null, List.of()));
        MimeMessage message = parse(reply);
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).isEqualTo("Ticket SG-7KQ2MX: <script>alert(1)</script>");
        assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo("<p>Ticket SG-7KQ2MX: &lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }

    private static RefusalNotice refusal(RefusalNotice.Audience to, String name, String claimedFrom) {
        return new RefusalNotice(to, "alice@partner.example", name, claimedFrom, "Q-42",
                to == RefusalNotice.Audience.SENDER ? RefusalNotice.Stage.HELD : RefusalNotice.Stage.REJECTED,
                List.of("mail_routing"),
                "support_code", "Mail routing changes need a support code from your console.",
                to == RefusalNotice.Audience.SENDER ? "m1@partner.example" : null,
                to == RefusalNotice.Audience.SENDER ? List.of("m1@partner.example") : List.of());
    }

    @Test
    void writesARefusalNoticeWithTheWayForwardAndNothingOfTheRequest() throws Exception {
        ComposedReply reply = builder.refusal(refusal(RefusalNotice.Audience.SENDER, "Alice", "alice@partner.example"));
        MimeMessage message = parse(reply);
        assertThat(message.getSubject()).isEqualTo("[Q-42] Your request was not acted on");
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(message.getHeader("X-Supportgate-Loop", null)).isEqualTo("mx.support.example");
        assertThat(message.getHeader("In-Reply-To", null)).isEqualTo("<m1@partner.example>");
        assertThat(reply.textBody()).contains("Hello Alice,", "Why: Mail routing changes need a support code",
                "https://console.support.example/", "support code", "Our staff keep it as Q-42").doesNotContain("{{");
    }

    @Test
    void theAdminsNoticeNamesTheClaimedAddressCleanedAndIsNotThreaded() throws Exception {
        ComposedReply reply = builder.refusal(refusal(RefusalNotice.Audience.PARTNER_ADMIN, "Rita\r\nBcc: x@evil.example",
                "ceo@partner.example\r\nBcc: v@evil.example"));
        MimeMessage message = parse(reply);
        assertThat(message.getSubject()).isEqualTo("[Q-42] Unauthenticated request in your name was not acted on");
        assertThat(message.getHeader("In-Reply-To")).isNull();
        assertThat(message.getHeader("References")).isNull();
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(reply.textBody()).contains("in the name of ceo@partner.example Bcc: v@evil.example,")
                .contains("did not pass email authentication", "Our staff reviewed it (Q-42) and rejected it.")
                .doesNotContain("{{");
    }
}
