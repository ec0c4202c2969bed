package org.supportgate.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;
import org.supportgate.gateway.spool.Envelope;
import org.supportgate.gateway.spool.QueueId;
import org.supportgate.gateway.spool.SpoolEntry;
import org.supportgate.gateway.spool.SpoolUnavailableException;
import org.supportgate.gateway.spool.SpoolWriter;

/** One mail transaction (MAIL, RCPT..., DATA) of an SMTP session. */
final class SupportMessageHandler implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(SupportMessageHandler.class);

    private final MessageContext context;
    private final SmtpProperties properties;
    private final Mailboxes mailboxes;
    private final SpoolWriter spool;
    private final ScheduledExecutorService timers;
    private final List<String> recipients = new ArrayList<>();
    private String mailFrom = "";

    SupportMessageHandler(MessageContext context, SmtpProperties properties, Mailboxes mailboxes, SpoolWriter spool,
            ScheduledExecutorService timers) {
        this.context = context;
        this.timers = timers;
        this.properties = properties;
        this.mailboxes = mailboxes;
        this.spool = spool;
    }

    @Override
    public void from(String from) throws RejectException {
        if (properties.tls().required() && !tls().isPresent()) {
            throw new RejectException(530, "5.7.0 Must issue a STARTTLS command first");
        }
        mailFrom = from == null ? "" : from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        if (recipient == null || !mailboxes.accepts(recipient)) {
            throw new RejectException(550, "5.1.1 No such mailbox here; this server accepts mail for support addresses only");
        }
        String normalised = Mailboxes.normalise(recipient);
        if (recipients.contains(normalised)) {
            return;
        }
        if (recipients.size() >= properties.maxRecipients()) {
            throw new RejectException(452, "4.5.3 Too many recipients");
        }
        recipients.add(normalised);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        Session session = (Session) context;
        byte[] raw;
        try {
            raw = new DataReader(properties.maxMessageSize().toBytes(), properties.dataDeadline(), timers)
                    .read(data, session.getRawInput(), session.getSocket());
        } catch (RejectException e) {
            // The library does not end the transaction on a refused DATA; RFC 5321 says it ends.
            session.resetMailTransaction();
            throw e;
        }
        String id = QueueId.next();
        Optional<SSLSession> tls = tls();
        Envelope envelope = new Envelope(
                clientIp(context.getRemoteAddress()),
                context.getHelo().orElse(null),
                mailFrom,
                recipients,
                tls.map(SSLSession::getProtocol).orElse(null),
                tls.map(SSLSession::getCipherSuite).orElse(null),
                Instant.now());
        SpoolEntry entry = SpoolEntry.of(id, envelope, TraceHeader.of(envelope, properties.hostname(), id), raw);
        try {
            spool.write(entry);
        } catch (SpoolUnavailableException e) {
            log.warn("Message from {} not accepted: {}", envelope.clientIp(), e.getMessage());
            session.resetMailTransaction();
            throw new RejectException(451, "4.3.0 Temporary failure storing the message, try again later");
        }
        return "2.0.0 Ok: queued as " + id;
    }

    @Override
    public void done() {
        // Nothing held: a transaction's state lives in this object only.
    }

    private Optional<SSLSession> tls() {
        if (context instanceof Session session && session.getSocket() instanceof SSLSocket socket) {
            return Optional.of(socket.getSession());
        }
        return Optional.empty();
    }

    private static String clientIp(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
