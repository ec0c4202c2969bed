package org.supportgate.gateway.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportgate.ticketing.outbox.BounceReport;

class BounceRecognizerTest {

    private final BounceRecognizer recognizer = new BounceRecognizer("support");

    static byte[] sample(String name) throws IOException {
        try (InputStream in = BounceRecognizerTest.class.getResourceAsStream("/dsn/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    private BounceRecognition.Bounce bounce(String name, String mailFrom, String... rcpt) throws IOException {
        BounceRecognition recognition = recognizer.recognize(sample(name), mailFrom, List.of(rcpt));
        assertThat(recognition).isInstanceOf(BounceRecognition.Bounce.class);
        return (BounceRecognition.Bounce) recognition;
    }

    @Test
    void readsAPostfixUserUnknownReportAndFindsOurMessageId() throws IOException {
        BounceReport report = bounce("postfix-user-unknown.eml", "", "support@mx.support.example").report();
        assertThat(report.originalMessageId()).isEqualTo("ack.original.1@mx.support.example");
        assertThat(report.verpToken()).isEmpty();
        assertThat(report.recipients()).containsExactly(new BounceReport.Recipient("gone@partner.example", "failed",
                "5.1.1", "550 5.1.1 <gone@partner.example>: Recipient address rejected: User unknown"));
    }

    @Test
    void readsABase64ReportWithSeveralRecipientsAndAReturnedMessage() throws IOException {
        BounceReport report = bounce("exchange-two-recipients.eml", "", "support@mx.support.example").report();
        assertThat(report.originalMessageId()).isEqualTo("ack.original.2@mx.support.example");
        assertThat(report.recipients()).containsExactly(
                new BounceReport.Recipient("slow@partner.example", "delayed", "4.4.7", "451 4.4.7 Queue full"),
                new BounceReport.Recipient("full@partner.example", "failed", "5.2.2", "552 5.2.2 Mailbox full"));
    }

    @Test
    void takesANullSenderMessageToOurVerpAddressAsABounceWithoutAReport() throws IOException {
        BounceRecognition.Bounce bounce = bounce("qmail-plain-to-verp.eml", "",
                "support+bounce-0123456789abcdef@mx.support.example");
        assertThat(bounce.report().verpToken()).isEqualTo("0123456789abcdef");
        assertThat(bounce.report().recipients()).isEmpty();
        assertThat(bounce.how()).isEqualTo("null sender to VERP address");
    }

    @Test
    void aReportToAVerpAddressCarriesBothCorrelations() throws IOException {
        BounceReport report = bounce("postfix-user-unknown.eml", "", "SUPPORT+BOUNCE-ABCDEF0123456789@mx.support.example").report();
        assertThat(report.verpToken()).isEqualTo("abcdef0123456789");
        assertThat(report.originalMessageId()).isEqualTo("ack.original.1@mx.support.example");
    }

    @Test
    void readReceiptsAndPeopleTalkingAboutBouncesAreNotBounces() throws IOException {
        assertThat(recognizer.recognize(sample("read-receipt.eml"), "alice@partner.example", List.of("support@mx.support.example")))
                .isInstanceOf(BounceRecognition.NotABounce.class);
        assertThat(recognizer.recognize(sample("ordinary.eml"), "alice@partner.example", List.of("support@mx.support.example")))
                .isInstanceOf(BounceRecognition.NotABounce.class);
        // A person writing to a VERP-looking address is not a bounce either: only the null sender is.
        assertThat(recognizer.recognize(sample("ordinary.eml"), "alice@partner.example",
                List.of("support+bounce-0123456789abcdef@mx.support.example"))).isInstanceOf(BounceRecognition.NotABounce.class);
    }

    @Test
    void ignoresVerpLookalikesWithBadTokens() {
        assertThat(recognizer.verpToken(List.of("support+bounce-@x", "other+bounce-abc@x", "support+bounce-a.b@x"))).isEmpty();
    }

    @Test
    void survivesGarbage() {
        byte[] garbage = "Content-Type: multipart/report; report-type=delivery-status; boundary=\"\r\n\r\n--\r\n\u0000\u0001"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(recognizer.recognize(garbage, "", List.of("support@x"))).isInstanceOf(BounceRecognition.NotABounce.class);
        assertThat(DeliveryStatusFields.recipients("Final-Recipient\n\n:\n\nAction: failed")).isEmpty();
    }
}
