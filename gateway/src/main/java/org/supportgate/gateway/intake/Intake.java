package org.supportgate.gateway.intake;

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
import org.supportgate.auth.policy.AssurancePolicy;
import org.supportgate.auth.policy.RequestCategories;
import org.supportgate.auth.policy.RequestClassifier;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.auth.trust.FromIdentity;
import org.supportgate.auth.trust.SenderTrust;
import org.supportgate.auth.trust.TrustAssessment;
import org.supportgate.gateway.authentication.AuthenticationStore;
import org.supportgate.gateway.authentication.AuthenticationView;
import org.supportgate.gateway.mail.BounceRecognition;
import org.supportgate.gateway.mail.BounceRecognizer;
import org.supportgate.gateway.spool.ClaimedMessage;
import org.supportgate.gateway.spool.Envelope;
import org.supportgate.gateway.spool.SpoolStore;
import org.supportgate.ticketing.outbox.Bounces;
import org.supportgate.ticketing.partner.Contact;
import org.supportgate.ticketing.partner.PartnerDirectory;
import org.supportgate.ticketing.quarantine.Quarantine;
import org.supportgate.ticketing.quarantine.QuarantineRequest;
import org.supportgate.ticketing.quarantine.QuarantineVerdict;
import org.supportgate.ticketing.quarantine.Signal;
import org.supportgate.ticketing.quarantine.Trigger;
import org.supportgate.ticketing.ticket.InboundRequest;
import org.supportgate.ticketing.ticket.TicketVerdict;
import org.supportgate.ticketing.ticket.Tickets;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline for one claimed message, as a short script of named steps: parse, bounce check,
 * authenticate, classify, weigh trust, decide, then open or join a ticket or hold in quarantine. Steps that talk to the network gather facts into records; the
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
    private final RequestClassifier classifier;
    private final TrustFactsReader trustFacts;
    private final AssurancePolicy assurancePolicy;
    private final Tickets tickets;
    private final Quarantine quarantine;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public Intake(SpoolStore spool, IntakeProperties properties, BounceRecognizer bounces, Bounces bounceLog,
            MessageAuthenticator authenticator, AuthenticationStore authentications, PartnerDirectory directory,
            RequestClassifier classifier, TrustFactsReader trustFacts, AssurancePolicy assurancePolicy, Tickets tickets,
            Quarantine quarantine, TransactionTemplate transaction, JsonMapper json) {
        this.spool = spool;
        this.parser = new MessageParser(properties.limits());
        this.bounces = bounces;
        this.bounceLog = bounceLog;
        this.authenticator = authenticator;
        this.authentications = authentications;
        this.directory = directory;
        this.classifier = classifier;
        this.trustFacts = trustFacts;
        this.assurancePolicy = assurancePolicy;
        this.tickets = tickets;
        this.quarantine = quarantine;
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
        // The listener stored the address from its socket, so it is always a literal.
        SessionFacts session = SessionFacts.of(envelope.clientIp(), envelope.helo(), envelope.mailFrom());
        AuthenticationReport authentication = authenticator.authenticate(session, message.raw());
        if (authentication.temporaryError().isPresent()) {
            return new IntakeOutcome.Deferred(authentication.temporaryError().get());
        }
        FromIdentity from = fromIdentity(parsed.summary(), authentication);
        RequestCategories categories = classifier.classify(parsed.summary().subject(), parsed.summary().textBody());
        TrustAssessment trust = SenderTrust.evaluate(trustFacts.read(parsed.summary(), from, session, authentication,
                message.raw()));
        Optional<Contact> contact = provenContact(from, trust);
        Decision decision = Decision.decide(categories, trust, assurancePolicy, authentication.dmarc(), from.address(),
                contact.isPresent(), claimedPartner(from.domain()));
        AuthenticationView view = AuthenticationView.of(authentication, authenticator);
        return record(claim, worker, parsed.summary(), Optional.of(view), () -> {
            contact.ifPresent(c -> trustFacts.remember(c.email(), session, authentication));
            RequestContext context = new RequestContext(claim.id(), envelope, parsed, from, trust, categories, contact);
            return switch (decision) {
                case Decision.OpenTicket open -> new TicketDecision(
                        TicketVerdict.of(tickets.openOrJoin(ticketRequest(context, open.assurance()))),
                        open.assurance().id(), categoryIds(categories));
                case Decision.Hold hold -> QuarantineVerdict.of(quarantine.hold(quarantineRequest(context, hold, view)));
            };
        });
    }

    /** What the ticket and quarantine requests are built from. */
    private record RequestContext(String spoolId, Envelope envelope, MessageParser.ParsedMessage parsed, FromIdentity from,
            TrustAssessment trust, RequestCategories categories, Optional<Contact> contact) {}

    /** The partner whose domain (or a subdomain of it) the From address claims, proven or not. */
    private Optional<String> claimedPartner(String domain) {
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        return directory.domains().stream()
                .filter(owner -> domain.equals(owner.domain()) || domain.endsWith("." + owner.domain()))
                .map(PartnerDirectory.DomainOwner::partnerId)
                .findFirst();
    }

    /** The From address as trust sees it; the domain as DMARC evaluated it (A-labels, lower case). */
    private static FromIdentity fromIdentity(MessageSummary summary, AuthenticationReport authentication) {
        Optional<InternetAddress> from = Addresses.first(summary.from());
        String address = from.map(a -> a.getAddress() == null ? "" : a.getAddress().toLowerCase(Locale.ROOT)).orElse("");
        String name = from.map(InternetAddress::getPersonal).orElse(null);
        String domain = !authentication.dmarc().fromDomain().isEmpty() ? authentication.dmarc().fromDomain()
                : address.substring(address.lastIndexOf('@') + 1);
        return new FromIdentity(address, name == null ? "" : name, domain);
    }

    /** The directory contact the sender is proven to be, if any. */
    private Optional<Contact> provenContact(FromIdentity from, TrustAssessment trust) {
        if (trust.identity().isEmpty() || from.address().isEmpty()) {
            return Optional.empty();
        }
        return directory.contact(from.address()).filter(Contact::active);
    }

    private InboundRequest ticketRequest(RequestContext c, Assurance assurance) {
        MessageSummary summary = c.parsed().summary();
        return new InboundRequest(c.spoolId(), c.envelope().mailFrom(), c.from().address(), c.from().displayName(),
                subject(summary), summary.messageId(), messageIds(summary.references()), summary.inReplyTo(),
                replyControlHeaders(summary), c.trust().identity().isPresent(), assurance,
                c.contact().map(Contact::partnerId).orElse(null), categoryIds(c.categories()), summary.textBody(),
                c.parsed().attachments());
    }

    private QuarantineRequest quarantineRequest(RequestContext c, Decision.Hold hold, AuthenticationView view) {
        MessageSummary summary = c.parsed().summary();
        return new QuarantineRequest(c.spoolId(), c.envelope().mailFrom(), c.from().address(), c.from().displayName(),
                subject(summary), summary.messageId(), messageIds(summary.references()), replyControlHeaders(summary),
                c.trust().identity().isPresent(), c.contact().map(Contact::partnerId).orElse(null), hold.sensitive(),
                categoryIds(c.categories()),
                c.categories().evidence().stream().map(e -> new Trigger(e.category().id(), e.excerpt())).toList(),
                json.writeValueAsString(view),
                c.trust().signals().stream()
                        .map(s -> new Signal(s.kind().name().toLowerCase(Locale.ROOT), s.detail())).toList(),
                hold.assurance(), hold.required(), hold.reasons(), summary.textBody(), c.parsed().attachments(),
                hold.noticeTo());
    }

    private static String subject(MessageSummary summary) {
        return summary.subject() == null ? "" : summary.subject();
    }

    private static List<String> categoryIds(RequestCategories categories) {
        return categories.categories().stream().sorted().map(c -> c.id()).toList();
    }

    /** The fields the RFC 3834 rules look at, read before our own fields are set aside. */
    private static Map<String, String> replyControlHeaders(MessageSummary summary) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        put(headers, "Auto-Submitted", summary.autoSubmitted());
        put(headers, "Precedence", summary.precedence());
        put(headers, "List-Id", summary.listId());
        put(headers, "List-Unsubscribe", summary.listUnsubscribe());
        put(headers, "X-Auto-Response-Suppress", summary.autoResponseSuppress());
        put(headers, "X-Supportgate-Loop", summary.loop());
        return headers;
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
