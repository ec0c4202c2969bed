package org.supportgate.gateway.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.internal.server.ConcurrentSessionsBySourceLimiter;
import org.subethamail.smtp.server.SMTPServer;
import org.supportgate.gateway.spool.SpoolWriter;

/** Runs the SMTP server for the daemon's lifetime, one virtual thread per connection. */
@Component
public class SmtpListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmtpListener.class);

    private final SmtpProperties properties;
    private final SpoolWriter spool;
    private volatile SMTPServer server;
    private ScheduledExecutorService dataDeadlines;

    public SmtpListener(SmtpProperties properties, SpoolWriter spool) {
        this.properties = properties;
        this.spool = spool;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("SMTP listener disabled (supportgate.smtp.enabled=false)");
            return;
        }
        Mailboxes mailboxes = new Mailboxes(properties.mailboxes());
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("smtp-data-deadline").daemon().factory());
        deadlines.setRemoveOnCancelPolicy(true);
        dataDeadlines = deadlines;
        SMTPServer.Builder builder = SMTPServer.port(properties.port())
                .bindAddress(bindAddress())
                .hostName(properties.hostname())
                .softwareName("Supportgate")
                .executorService(Executors.newVirtualThreadPerTaskExecutor())
                .maxConnections(properties.maxConnections())
                .sessionHandler(new ConcurrentSessionsBySourceLimiter(properties.maxConnectionsPerIp(), 421,
                        "4.7.0 Too many connections from your address, try again later"))
                .connectionTimeoutMs((int) properties.idleTimeout().toMillis())
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, properties.maxMessageSize().toBytes()))
                // We enforce the recipient cap ourselves, to answer with the enhanced code 4.5.3.
                .maxRecipients(-1)
                .insertReceivedHeaders(false)
                .messageHandlerFactory(context -> new SupportMessageHandler(context, properties, mailboxes, spool, deadlines));
        if (properties.tls().configured()) {
            builder.enableTLS(true)
                    .startTlsSocketFactory(TlsContexts.fromPem(properties.tls().certificate(), properties.tls().privateKey()));
        } else if (properties.tls().required()) {
            throw new IllegalStateException("supportgate.smtp.tls.required is set but no certificate and"
                    + " private key are configured (supportgate.smtp.tls.certificate, .private-key)");
        }
        SMTPServer started = builder.build();
        started.start();
        server = started;
        log.info("SMTP listener on {}:{} for {}", properties.bindAddress(), port(), properties.mailboxes());
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(properties.bindAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("supportgate.smtp.bind-address is not an address: "
                    + properties.bindAddress(), e);
        }
    }

    /** The bound port (differs from the configured one when that is 0). */
    public int port() {
        SMTPServer current = server;
        return current == null ? properties.port() : current.getPortAllocated();
    }

    @Override
    public void stop() {
        SMTPServer current = server;
        server = null;
        if (current != null) {
            current.stop();
        }
        if (dataDeadlines != null) {
            dataDeadlines.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        SMTPServer current = server;
        return current != null && current.isRunning();
    }
}
