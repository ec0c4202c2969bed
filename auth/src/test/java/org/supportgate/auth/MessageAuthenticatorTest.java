package org.supportgate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.arc.ArcChainValidation;
import org.supportgate.auth.dkim.DkimResult;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.dmarc.DmarcResult;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.auth.spf.SpfResult;

class MessageAuthenticatorTest {

    private static final DkimSigningKey KEY = DkimSigningKey.ed25519Seed(new byte[32]);
    private static final InetAddress PARTNER_MTA = address("192.0.2.10");
    private static final InetAddress ELSEWHERE = address("198.51.100.66");

    private static final String MESSAGE = """
            Authentication-Results: mx.support.example; dmarc=pass header.from=partner.example\r
            From: Alice <alice@partner.example>\r
            To: support@support.example\r
            Subject: Please change the smarthost\r
            Date: Sun, 22 Nov 2026 10:00:00 +0000\r
            Message-ID: <1@partner.example>\r
            \r
            Please change it to 203.0.113.5.\r
            """;

    private final StaticDnsResolver dns = StaticDnsResolver.builder()
            .txt("partner.example", "v=spf1 ip4:192.0.2.0/24 -all")
            .txt("sel._domainkey.partner.example", KEY.txtRecord())
            .txt("_dmarc.partner.example", "v=DMARC1; p=reject")
            .timeout("slow.example")
            .txt("_dmarc.slow.example", "v=DMARC1; p=reject")
            .build();

    private final MessageAuthenticator authenticator =
            new MessageAuthenticator(dns, Clock.systemUTC(), "mx.support.example", Set.of("forwarder.example"));

    @Test
    void passesSignedAlignedMessageFromThePartnersServer() {
        byte[] signed = sign(MESSAGE);
        AuthenticationReport report = authenticator.authenticate(
                new SessionFacts(PARTNER_MTA, "mta.partner.example", "bounces@partner.example"), signed);

        assertThat(report.spf().result()).isEqualTo(SpfResult.PASS);
        assertThat(report.dkim()).singleElement().satisfies(s -> assertThat(s.result()).isEqualTo(DkimResult.PASS));
        assertThat(report.dmarc().result()).isEqualTo(DmarcResult.PASS);
        assertThat(report.arc().cv()).isEqualTo(ArcChainValidation.NONE);
        assertThat(report.temporaryError()).isEmpty();
        assertThat(report.header())
                .startsWith("Authentication-Results: mx.support.example;")
                .contains("spf=pass", "smtp.mailfrom=bounces@partner.example", "dkim=pass", "header.d=partner.example",
                        "dmarc=pass", "header.from=partner.example", "arc=none");
    }

    @Test
    void removesOurOwnAuthenticationResultsBeforeReadingTheMessage() {
        AuthenticationReport report = authenticator.authenticate(
                new SessionFacts(ELSEWHERE, "attacker.example", "x@partner.example"),
                MESSAGE.getBytes(StandardCharsets.UTF_8));

        assertThat(report.removedFields()).singleElement().satisfies(f -> assertThat(f).containsIgnoringCase("Authentication-Results"));
        assertThat(report.spf().result()).isEqualTo(SpfResult.FAIL);
        assertThat(report.dkim()).isEmpty();
        assertThat(report.dmarc().result()).isEqualTo(DmarcResult.FAIL);
        assertThat(report.header()).contains("dkim=none", "dmarc=fail");
    }

    @Test
    void reportsTemporaryErrorInsteadOfPassOrFailWhenDnsTimesOut() {
        byte[] message = MESSAGE.replace("partner.example", "slow.example").getBytes(StandardCharsets.UTF_8);
        AuthenticationReport report = authenticator.authenticate(
                new SessionFacts(PARTNER_MTA, "mta.slow.example", "bounces@slow.example"), message);

        assertThat(report.spf().result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(report.temporaryError()).hasValueSatisfying(reason -> assertThat(reason).contains("spf"));
    }

    @Test
    void survivesAMessageWhoseHeaderIsBeyondEveryBound() {
        String huge = "X-Filler: " + "a".repeat(200_000) + "\r\n" + MESSAGE;
        AuthenticationReport report = authenticator.authenticate(
                new SessionFacts(PARTNER_MTA, "mta.partner.example", "bounces@partner.example"),
                huge.getBytes(StandardCharsets.UTF_8));

        assertThat(report.spf().result()).isEqualTo(SpfResult.PASS);
        assertThat(report.dmarc().result()).isEqualTo(DmarcResult.FAIL);
    }

    private static byte[] sign(String text) {
        RawMessage message = RawMessage.of(text);
        return message.prepend(DkimSigner.builder("partner.example", "sel", KEY).build().sign(message)).toBytes();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
