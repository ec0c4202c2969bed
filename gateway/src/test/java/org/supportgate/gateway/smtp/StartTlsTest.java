package org.supportgate.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportgate.gateway.SmtpDialogue.expect;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Properties;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import tools.jackson.databind.JsonNode;

/** STARTTLS with a PEM certificate, and refusal of MAIL before STARTTLS when TLS is required. */
class StartTlsTest extends GatewayTest {

    private static final Path PEM_DIR = writeSelfSignedPem();

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        registry.add("supportgate.smtp.tls.certificate", () -> PEM_DIR.resolve("cert.pem").toString());
        registry.add("supportgate.smtp.tls.private-key", () -> PEM_DIR.resolve("key.pem").toString());
        registry.add("supportgate.smtp.tls.required", () -> "true");
    }

    @Test
    void refusesMailBeforeStartTlsWith530() throws Exception {
        try (SmtpDialogue smtp = smtp()) {
            SmtpDialogue.Reply ehlo = expect(smtp.command("EHLO client.example"), 250);
            assertThat(ehlo.text()).contains("STARTTLS");
            SmtpDialogue.Reply mail = smtp.command("MAIL FROM:<alice@partner.example>");
            assertThat(mail.code()).isEqualTo(530);
            assertThat(mail.text()).startsWith("5.7.0");
        }
    }

    @Test
    void acceptsMailOverStartTlsAndRecordsTheCipher() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpListener.port()));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.trust", "*");
        properties.put("mail.smtp.ssl.checkserveridentity", "false");
        Session session = Session.getInstance(properties);
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress("tls@partner.example"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("support@localhost"));
        mail.setSubject("over TLS");
        mail.setText("encrypted");
        Transport.send(mail);

        String id = jdbc.sql("SELECT id FROM inbound_message WHERE mail_from = 'tls@partner.example' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        JsonNode envelope = message(id, "done").path("envelope");
        assertThat(envelope.path("tlsProtocol").asString()).startsWith("TLSv1.");
        assertThat(envelope.path("tlsCipher").asString()).startsWith("TLS_");
        String trace = jdbc.sql("SELECT trace_header FROM inbound_message WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(trace).contains("with ESMTPS (TLSv1.");
    }

    private static Path writeSelfSignedPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=mx.support.example");
            Instant now = Instant.now();
            var certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)), name, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            Path dir = Files.createTempDirectory("supportgate-tls");
            Files.writeString(dir.resolve("cert.pem"), pem(certificate));
            Files.writeString(dir.resolve("key.pem"), pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
