package org.supportgate.gateway.intake;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportgate.auth.AuthenticationReport;
import org.supportgate.auth.MessageAuthenticator;
import org.supportgate.auth.SessionFacts;
import org.supportgate.auth.dmarc.DmarcResult;
import org.supportgate.gateway.authentication.AuthenticationStore;
import org.supportgate.gateway.authentication.AuthenticationView;
import org.supportgate.gateway.mail.BounceRecognition;
import org.supportgate.gateway.mail.BounceRecognizer;
import org.supportgate.gateway.spool.ClaimedMessage;
import org.supportgate.gateway.spool.Envelope;
import org.supportgate.gateway.spool.SpoolStore;
import org.supportgate.ticketing.outbox.Bounces;
import org.supportgate.ticketing.partner.PartnerDirectory;
import org.supportgate.ticketing.ticket.InboundRequest;
import org.supportgate.ticketing.ticket.TicketVerdict;
import org.supportgate.ticketing.ticket.Tickets;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline for one claimed message, as a short script of named steps: parse, bounce check,
 * authenticate, identify, ticket. Steps that talk to the network gather facts into records; the
 * last step commits the outcome together with the spool state change, in one transaction.
 */
@Component
public class Intake {

    private final SpoolStore spool;
    private final MessageParser parser;
    private final BounceRecognizer bounces;
    private final Bounces bounceLog;
    private final MessageAuthenticator authenticator;
    private final AuthenticationStore authentications;
    private final PartnerDirectory directory;
    private final Tickets tickets;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public Intake(SpoolStore spool, IntakeProperties properties, BounceRecognizer bounces, Bounces bounceLog,
            MessageAuthenticator authenticator, AuthenticationStore authentications, PartnerDirectory directory,
            Tickets tickets, TransactionTemplate transaction, JsonMapper json) {
        this.spool = spool;
        this.parser = new MessageParser(properties.limits());
        this.bounces = bounces;
        this.bounceLog = bounceLog;
        this.authenticator = authenticator;
        this.authentications = authentications;
        this.directory = directory;
        this.tickets = tickets;
        this.transaction = transaction;
        this.json = json;
    }

    /** A delivery report about one of our replies: recorded, never a ticket. */
    record BounceVerdict(String kind, String how, int recipients) {}

    IntakeOutcome process(ClaimedMessage claim, String worker) {
        SpoolStore.Spooled message = spool.load(claim.id());
        Envelope envelope = message.envelope();
        MessageParser.ParsedMessage parsed = parser.read(message.raw());
        if (bounces.recognize(message.raw(), envelope.mailFrom(), envelope.rcptTo()) instanceof BounceRecognition.Bounce bounce) {
            return record(claim, worker, parsed.summary(), Optional.empty(),
                    () -> new BounceVerdict("bounce", bounce.how(), bounceLog.record(bounce.report(), claim.id())));
        }
        AuthenticationReport authentication = authenticate(envelope, message.raw());
        if (authentication.temporaryError().isPresent()) {
            return new IntakeOutcome.Deferred(authentication.temporaryError().get());
        }
        Sender sender = identify(parsed.summary(), authentication);
        return record(claim, worker, parsed.summary(), Optional.of(AuthenticationView.of(authentication, authenticator)),
                () -> TicketVerdict.of(tickets.openOrJoin(request(claim.id(), envelope, parsed, sender))));
    }

    private AuthenticationReport authenticate(Envelope envelope, byte[] raw) {
        // The listener stored the address from its socket, so it is always a literal.
        return authenticator.authenticate(SessionFacts.of(envelope.clientIp(), envelope.helo(), envelope.mailFrom()), raw);
    }

    /** The From address is an identity only when DMARC passed aligned for its domain. */
    private Sender identify(MessageSummary summary, AuthenticationReport authentication) {
        Optional<InternetAddress> from = firstAddress(summary.from());
        String address = from.map(a -> a.getAddress().toLowerCase(Locale.ROOT)).orElse("");
        String name = from.map(InternetAddress::getPersonal).orElse("");
        boolean authenticated = !address.isEmpty() && authentication.dmarc().result() == DmarcResult.PASS;
        return new Sender(address, name == null ? "" : name, authenticated,
                address.isEmpty() ? Optional.empty() : directory.contact(address));
    }

    private InboundRequest request(String spoolId, Envelope envelope, MessageParser.ParsedMessage parsed, Sender sender) {
        MessageSummary summary = parsed.summary();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        put(headers, "Auto-Submitted", summary.autoSubmitted());
        put(headers, "Precedence", summary.precedence());
        put(headers, "List-Id", summary.listId());
        put(headers, "List-Unsubscribe", summary.listUnsubscribe());
        put(headers, "X-Auto-Response-Suppress", summary.autoResponseSuppress());
        put(headers, "X-Supportgate-Loop", summary.loop());
        return new InboundRequest(spoolId, envelope.mailFrom(), sender.address(), sender.name(),
                summary.subject() == null ? "" : summary.subject(), summary.messageId(), messageIds(summary.references()),
                summary.inReplyTo(), headers, sender.authenticated(), sender.assurance(), sender.partnerId(),
                List.of(), summary.textBody(), parsed.attachments());
    }

    private IntakeOutcome record(ClaimedMessage claim, String worker, MessageSummary summary,
            Optional<AuthenticationView> authentication, Supplier<Object> act) {
        return transaction.execute(status -> {
            authentication.ifPresent(view -> authentications.save(claim.id(), view));
            Object verdict = act.get();
            if (!spool.finish(claim, json.writeValueAsString(summary), json.writeValueAsString(verdict), worker)) {
                status.setRollbackOnly();
                return new IntakeOutcome.ClaimLost();
            }
            return new IntakeOutcome.Done();
        });
    }

    private static Optional<InternetAddress> firstAddress(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
            return addresses.length == 0 ? Optional.empty() : Optional.of(addresses[0]);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** The message ids in a References or In-Reply-To value, in order. */
    static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        int at = 0;
        while (ids.size() < 100) {
            int open = value.indexOf('<', at);
            int close = open < 0 ? -1 : value.indexOf('>', open);
            if (close < 0) {
                break;
            }
            ids.add(value.substring(open, close + 1));
            at = close + 1;
        }
        return ids;
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
