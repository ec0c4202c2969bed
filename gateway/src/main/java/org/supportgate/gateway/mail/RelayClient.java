package org.supportgate.gateway.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends one stored message through the relay with Angus Mail's {@link SMTPTransport}: the bytes as
 * stored, the envelope as stored, one connection per message. The SMTP reply decides the outcome:
 * 2xx delivered, 4xx or no answer deferred, 5xx rejected.
 */
class RelayClient {

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("relay-deadline").daemon().factory());

    private final RelayProperties relay;
    private final String heloName;

    RelayClient(RelayProperties relay, String heloName) {
        this.relay = relay;
        this.heloName = heloName;
    }

    /**
     * Sends within {@code deadline}: past it, the connection is closed under the transport and the
     * send ends as deferred (so a crawling relay cannot hold a row past its lease).
     */
    SendOutcome send(String envelopeFrom, String envelopeTo, byte[] raw, Duration deadline) {
        ClosingSocketFactory sockets = new ClosingSocketFactory();
        ScheduledFuture<?> cutoff = DEADLINES.schedule(sockets::closeAll, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return send(envelopeFrom, envelopeTo, raw, sockets);
        } finally {
            cutoff.cancel(false);
        }
    }

    private SendOutcome send(String envelopeFrom, String envelopeTo, byte[] raw, ClosingSocketFactory sockets) {
        Properties properties = properties();
        properties.put("mail.smtp.socketFactory", sockets);
        properties.put("mail.smtp.socketFactory.fallback", "false");
        Session session = Session.getInstance(properties);
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            SMTPMessage message = new SMTPMessage(session, new ByteArrayInputStream(raw));
            message.setEnvelopeFrom(envelopeFrom.isEmpty() ? "<>" : envelopeFrom);
            if (relay.authenticates()) {
                transport.connect(relay.host(), relay.port(), relay.username(), relay.password());
            } else {
                transport.connect();
            }
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(envelopeTo, false)});
            return new SendOutcome.Delivered(oneLine(transport.getLastServerResponse()));
        } catch (AuthenticationFailedException e) {
            // Our credentials, not the message: keep it and try again; max-attempts ends it visibly.
            return new SendOutcome.Deferred("relay refused our AUTH: " + oneLine(e.getMessage()));
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    /** Finds the SMTP reply code in the exception chain; without one, it was the connection. */
    static SendOutcome classify(MessagingException failure) {
        Exception e = failure;
        int depth = 0;
        while (e != null && depth++ < 10) {
            int code = switch (e) {
                case SMTPSendFailedException f -> f.getReturnCode();
                case SMTPAddressFailedException f -> f.getReturnCode();
                default -> -1;
            };
            if (code >= 500 && code < 600) {
                return new SendOutcome.Rejected(oneLine(e.getMessage()));
            }
            if (code >= 400 && code < 500) {
                return new SendOutcome.Deferred(oneLine(e.getMessage()));
            }
            e = e instanceof MessagingException m ? m.getNextException() : null;
        }
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return new SendOutcome.Deferred(oneLine(failure.getMessage()) + (cause == failure ? "" : " (" + cause + ")"));
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("mail.smtp.host", relay.host());
        p.put("mail.smtp.port", String.valueOf(relay.port()));
        p.put("mail.smtp.localhost", heloName);
        p.put("mail.smtp.connectiontimeout", String.valueOf(relay.connectTimeout().toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(relay.timeout().toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(relay.timeout().toMillis()));
        p.put("mail.smtp.auth", String.valueOf(relay.authenticates()));
        switch (relay.starttls()) {
            case NEVER -> p.put("mail.smtp.starttls.enable", "false");
            case OPTIONAL -> p.put("mail.smtp.starttls.enable", "true");
            case REQUIRED -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
        }
        // Refusing one recipient must not be read as success for the others (there is one anyway).
        p.put("mail.smtp.sendpartial", "false");
        return p;
    }

    static String oneLine(String text) {
        return text == null ? "" : HeaderText.clean(text, 500);
    }
}
