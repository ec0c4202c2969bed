package org.supportgate.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.ConformanceVector;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.RawMessage;

class ArcValidatorTest {

    private static final ConformanceVector TWO_HOPS = ConformanceVector.read("arc/mail-auth/002.txt");

    private static RawMessage twoHops() {
        return RawMessage.of(TWO_HOPS.message());
    }

    @Test
    void messageWithoutArcIsNone() {
        ArcResult r = new ArcValidator(StaticDnsResolver.builder().build())
                .validate(RawMessage.of("From: a@example.com\r\n\r\nhi\r\n"));
        assertThat(r.cv()).isEqualTo(ArcChainValidation.NONE);
        assertThat(r.instances()).isZero();
    }

    @Test
    void passingChainNamesItsSealersAndResults() {
        ArcResult r = new ArcValidator(TWO_HOPS.dns()).validate(twoHops());
        assertThat(r.cv()).as(r.reason()).isEqualTo(ArcChainValidation.PASS);
        assertThat(r.instances()).isEqualTo(2);
        assertThat(r.oldestSealer()).isEqualTo("scamorza.org");
        assertThat(r.newestSealer()).isEqualTo("manchego.org");
        assertThat(r.arcAuthenticationResults()).hasSize(2);
        assertThat(r.arcAuthenticationResults().getFirst()).startsWith("scamorza.org;");
        assertThat(r.temporary()).isFalse();
    }

    @Test
    void dnsTemporaryErrorFailsAsTemporary() {
        StaticDnsResolver.Builder dns = StaticDnsResolver.builder();
        TWO_HOPS.names().forEach(dns::timeout);
        ArcResult r = new ArcValidator(dns.build()).validate(twoHops());
        assertThat(r.cv()).isEqualTo(ArcChainValidation.FAIL);
        assertThat(r.temporary()).isTrue();
    }

    @Test
    void changedBodyFailsTheNewestMessageSignature() {
        String text = new String(twoHops().toBytes(), StandardCharsets.ISO_8859_1);
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        char c = text.charAt(bodyStart);
        String changed = text.substring(0, bodyStart) + (c == 'X' ? 'Y' : 'X') + text.substring(bodyStart + 1);
        ArcResult r = new ArcValidator(TWO_HOPS.dns()).validate(RawMessage.of(changed));
        assertThat(r.cv()).isEqualTo(ArcChainValidation.FAIL);
        assertThat(r.reason()).contains("ARC-Message-Signature i=2");
    }

    @Test
    void moreThanFiftySetsFail() {
        StringBuilder m = new StringBuilder();
        for (int i = 51; i >= 1; i--) {
            m.append("ARC-Seal: i=").append(i).append("; cv=pass; a=rsa-sha256; d=x.example; s=s; b=AAAA\r\n");
            m.append("ARC-Message-Signature: i=").append(i).append("; a=rsa-sha256; d=x.example; s=s; h=from; bh=AAAA; b=AAAA\r\n");
            m.append("ARC-Authentication-Results: i=").append(i).append("; x.example; none\r\n");
        }
        m.append("From: a@example.com\r\n\r\nhi\r\n");
        ArcResult r = new ArcValidator(StaticDnsResolver.builder().build()).validate(RawMessage.of(m.toString()));
        assertThat(r.cv()).isEqualTo(ArcChainValidation.FAIL);
        assertThat(r.reason()).contains("50");
    }

    @Test
    void garbageArcFieldsFailWithoutException() {
        String[] garbage = {"ARC-Seal: ;;;", "ARC-Seal: i=99999999999999999999", "ARC-Message-Signature: i=1",
                "ARC-Authentication-Results: i=1", "ARC-Seal: i=1; b=" + "A".repeat(50_000)};
        for (String field : garbage) {
            ArcResult r = new ArcValidator(StaticDnsResolver.builder().build())
                    .validate(RawMessage.of(field + "\r\nFrom: a@example.com\r\n\r\nhi\r\n"));
            assertThat(r.cv()).as(field).isEqualTo(ArcChainValidation.FAIL);
        }
    }
}
