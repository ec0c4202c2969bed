package org.supportgate.gateway.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportgate.auth.dkim.DkimResult;
import org.supportgate.auth.dkim.DkimSignatureResult;
import org.supportgate.auth.dkim.DkimVerifier;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.RawMessage;

/** What we sign verifies with our verifier against the record we tell the operator to publish. */
class OutgoingDkimTest {

    private static final byte[] REPLY = """
            From: Supportgate <support@support.example>\r
            To: alice@partner.example\r
            Subject: [SG-123456] Ticket received\r
            Message-ID: <r1@support.example>\r
            Auto-Submitted: auto-replied\r
            \r
            We have your request.\r
            """.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void signsWithConfiguredRsaKeyAndVerifiesAgainstThePublishedRecord() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path key = Files.writeString(dir.resolve("dkim.pem"), pem);
        OutgoingDkim dkim = new OutgoingDkim(new DkimSigningProperties("support.example", "sg2026", key));

        byte[] signed = dkim.sign(REPLY);

        StaticDnsResolver dns = StaticDnsResolver.builder()
                .txt("sg2026._domainkey.support.example", dkim.publicRecord().orElseThrow()).build();
        List<DkimSignatureResult> results = new DkimVerifier(dns, Clock.systemUTC()).verify(RawMessage.of(signed));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(DkimResult.PASS);
            assertThat(r.algorithm()).isEqualTo("rsa-sha256");
        });
    }

    @Test
    void leavesMessagesUnchangedWhenNoKeyIsConfigured() {
        OutgoingDkim dkim = new OutgoingDkim(new DkimSigningProperties(null, null, null));
        assertThat(dkim.sign(REPLY)).isEqualTo(REPLY);
        assertThat(dkim.publicRecord()).isEmpty();
    }
}
