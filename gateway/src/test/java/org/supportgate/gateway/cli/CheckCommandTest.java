package org.supportgate.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.gateway.GatewayTest;

class CheckCommandTest {

    private static final String MESSAGE = """
            From: Alice <alice@partner.example>\r
            To: support@localhost\r
            Subject: check me\r
            \r
            body\r
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsAuthenticationResultsAndDmarcVerdictForASignedMessage() throws Exception {
        RawMessage message = RawMessage.of(MESSAGE);
        byte[] signed = message.prepend(DkimSigner.builder("partner.example", "test", DkimSigningKey.ed25519Seed(new byte[32]))
                .build().sign(message)).toBytes();
        Path file = Files.write(dir.resolve("signed.eml"), signed);

        int status = run("--client-ip", "192.0.2.99", "--helo", "mx.partner.example", "--mail-from", "alice@partner.example",
                "--zone", Path.of(GatewayTest.ZONE).toString(), "--authserv-id", "mx.support.example", file.toString());

        assertThat(status).isZero();
        assertThat(out()).startsWith("Authentication-Results: mx.support.example;")
                .contains("spf=fail", "dkim=pass", "header.d=partner.example", "dmarc=pass",
                        "DMARC: pass for partner.example", "DKIM aligned: yes");
    }

    @Test
    void explainsAForgedMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("forged.eml"), MESSAGE);

        int status = run("--client-ip", "198.51.100.7", "--helo", "evil.example", "--mail-from", "alice@partner.example",
                "--zone", Path.of(GatewayTest.ZONE).toString(), file.toString());

        assertThat(status).isZero();
        assertThat(out()).contains("spf=fail", "dkim=none", "dmarc=fail", "DMARC: fail for partner.example (policy reject");
    }

    @Test
    void refusesMissingOptionsWithUsageAndStatus2() {
        assertThat(run("--helo", "x", "message.eml")).isEqualTo(2);
        assertThat(err()).contains("missing --client-ip", "usage:");
    }

    @Test
    void refusesAHostNameAsClientIp() {
        assertThat(run("--client-ip", "mail.example", "--helo", "x", "--mail-from", "", "m.eml")).isEqualTo(2);
        assertThat(err()).contains("not an IP address literal");
    }

    @Test
    void refusesUnknownOptionAndSecondFile() {
        assertThat(run("--client-ip", "192.0.2.1", "--helo", "x", "--mail-from", "a@b", "--frobnicate", "1", "m.eml")).isEqualTo(2);
        assertThat(err()).contains("unknown option --frobnicate");
        assertThat(run("--client-ip", "192.0.2.1", "--helo", "x", "--mail-from", "a@b", "one.eml", "two.eml")).isEqualTo(2);
    }

    @Test
    void reportsAMissingFileWithStatus1() {
        assertThat(run("--client-ip", "192.0.2.1", "--helo", "x", "--mail-from", "a@b", "--zone",
                Path.of(GatewayTest.ZONE).toString(), dir.resolve("absent.eml").toString())).isEqualTo(1);
        assertThat(err()).contains("absent.eml");
    }

    private int run(String... args) {
        return CheckCommand.run(new ArrayList<>(List.of(args)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
