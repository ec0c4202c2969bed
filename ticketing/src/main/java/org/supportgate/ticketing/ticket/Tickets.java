package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportgate.ticketing.outbox.Outbox;
import org.supportgate.ticketing.outbox.OutboxEntry;
import org.supportgate.ticketing.reply.Acknowledgement;
import org.supportgate.ticketing.reply.AutoReplyRules;
import org.supportgate.ticketing.reply.ComposedReply;
import org.supportgate.ticketing.reply.NoReplyReason;
import org.supportgate.ticketing.reply.ReplyBudget;
import org.supportgate.ticketing.reply.ReplyCandidate;
import org.supportgate.ticketing.reply.ReplyComposer;
import org.supportgate.ticketing.reply.ReplyDecision;
import org.supportgate.ticketing.reply.ReplyKind;

/**
 * Tickets from inbound mail. {@link #openOrJoin} is the intake's "act" step for a trusted request:
 * in the caller's transaction (or its own) it threads the message, opens or joins the ticket,
 * stores the message and its attachments, and writes the acknowledgement to the outbox when the
 * reply rules and budget allow. Either all of it commits or none of it does.
 */
@Service
public class Tickets {

    static final int MAX_SUBJECT = 500;
    static final String NO_SUBJECT = "(no subject)";

    private final TicketStore store;
    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketAttachmentRepository attachments;
    private final Outbox outbox;
    private final AutoReplyRules rules;
    private final ReplyBudget budget;
    private final ReplyComposer composer;

    Tickets(TicketStore store, TicketRepository tickets, TicketMessageRepository messages,
            TicketAttachmentRepository attachments, Outbox outbox, AutoReplyRules rules, ReplyBudget budget,
            ReplyComposer composer) {
        this.store = store;
        this.tickets = tickets;
        this.messages = messages;
        this.attachments = attachments;
        this.outbox = outbox;
        this.rules = rules;
        this.budget = budget;
        this.composer = composer;
    }

    /** Opens a ticket for the message, or adds it to the ticket it continues. Idempotent per spool id. */
    @Transactional
    public TicketOutcome openOrJoin(InboundRequest request) {
        // PostgreSQL keeps microseconds; compare what we wrote with what we read back.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<TicketMessage> earlier = messages.findByInboundMessageId(request.spoolId());
        if (earlier.isPresent()) {
            Ticket ticket = tickets.findById(earlier.get().ticketId()).orElseThrow();
            return new TicketOutcome(ticket.number(), ticket.id(), TicketOutcome.How.REPLAYED, List.of(),
                    new ReplyDecision.NoReply(NoReplyReason.REPLAYED, "spool id " + request.spoolId()));
        }
        SubjectTags tags = SubjectTags.of(request.subject());
        ThreadMatch match = new ThreadMatcher(store).match(request.subject(), request.inReplyTo(), request.references(),
                request.fromAddress(), request.partnerId(), request.authenticated(), request.assurance());
        Ticket ticket;
        TicketOutcome.How how;
        switch (match) {
            case ThreadMatch.Join join -> {
                ticket = tickets.findById(join.ticket().id()).orElseThrow();
                ticket.messageJoined(now);
                how = switch (join.via()) {
                    case REFERENCE -> TicketOutcome.How.JOINED_BY_REFERENCE;
                    case SUBJECT_TAG -> TicketOutcome.How.JOINED_BY_SUBJECT_TAG;
                };
            }
            case ThreadMatch.NewThread fresh -> {
                ticket = open(request, tags, now);
                how = TicketOutcome.How.OPENED;
            }
        }
        for (ThreadMatch.Refusal refusal : match.refusals()) {
            store.recordRefusal(request.spoolId(), refusal, request.fromAddress());
        }
        TicketMessage message = messages.save(TicketMessage.inbound(ticket.id(), request.spoolId(),
                nullIfBlank(MessageIds.bare(request.messageId())), request.fromAddress(), request.fromName(),
                request.subject(), request.textBody(), request.assurance(), now));
        for (AttachmentData data : request.attachments()) {
            attachments.save(TicketAttachment.of(message.id(), data, now));
        }
        ReplyDecision reply = acknowledge(request, ticket, tags, now);
        return new TicketOutcome(ticket.number(), ticket.id(), how, match.refusals(), reply);
    }

    /** The ticket with its messages and attachment descriptions. */
    @Transactional(readOnly = true)
    public Optional<TicketDetails> details(String number) {
        if (!TicketNumbers.isWellFormed(number)) {
            return Optional.empty();
        }
        return tickets.findByNumber(number).map(this::details);
    }

    /** One attachment's bytes, if it belongs to that ticket. */
    @Transactional(readOnly = true)
    public Optional<StoredAttachment> attachment(String number, long attachmentId) {
        if (!TicketNumbers.isWellFormed(number)) {
            return Optional.empty();
        }
        return tickets.findByNumber(number).flatMap(ticket -> attachments.findById(attachmentId)
                .filter(a -> messages.findById(a.ticketMessageId()).map(m -> m.ticketId() == ticket.id()).orElse(false))
                .map(a -> new StoredAttachment(a.name(), a.contentType(), a.sha256(), a.content())));
    }

    /** An attachment's bytes with what was declared about them. */
    public record StoredAttachment(String name, String contentType, String sha256, byte[] content) {

        public StoredAttachment {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    private Ticket open(InboundRequest request, SubjectTags tags, Instant now) {
        String subject = tags.withoutOurs().isBlank() ? NO_SUBJECT : tags.withoutOurs();
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
        // Joining later needs what the opening message had, but never more than EMAIL: a reply in
        // the thread authorises nothing by itself (the policy judges every request on its own).
        Assurance required = request.assurance().meets(Assurance.EMAIL) ? Assurance.EMAIL : request.assurance();
        long id = store.insert(request.partnerId(), request.fromAddress(), request.fromName(), subject,
                request.assurance(), required, request.categories(), now);
        return tickets.findById(id).orElseThrow();
    }

    private ReplyDecision acknowledge(InboundRequest request, Ticket ticket, SubjectTags tags, Instant now) {
        ReplyDecision allowed = rules.decide(new ReplyCandidate(request.mailFrom(), request.fromAddress(),
                request.headers(), request.authenticated()));
        if (allowed instanceof ReplyDecision.Reply(String recipient)) {
            allowed = budget.allowAcknowledgement(recipient, ticket.id(), tags.stacked(), now);
        }
        return switch (allowed) {
            case ReplyDecision.NoReply no -> no;
            case ReplyDecision.Reply yes -> {
                send(request, ticket, yes.recipient(), now);
                yield yes;
            }
        };
    }

    private void send(InboundRequest request, Ticket ticket, String recipient, Instant now) {
        String answered = MessageIds.bare(request.messageId());
        List<String> references = new ArrayList<>();
        for (String reference : ThreadMatcher.referencedIds(null, request.references()).reversed()) {
            references.add(reference);
        }
        if (!answered.isEmpty()) {
            references.add(answered);
        }
        ComposedReply mail = composer.acknowledgement(new Acknowledgement(ticket.number(), ticket.subject(), recipient,
                request.fromName(), nullIfBlank(answered), references));
        long outboxId = outbox.enqueue(ticket.id(), ReplyKind.ACK.dbValue(), mail.messageId(), mail.envelopeFrom(),
                recipient, mail.verpToken(), mail.raw());
        messages.save(TicketMessage.outbound(ticket.id(), outboxId, mail.messageId(), mail.fromAddress(), mail.subject(),
                mail.textBody(), now));
        budget.record(recipient, ticket.id(), ReplyKind.ACK, now);
    }

    private TicketDetails details(Ticket ticket) {
        List<TicketMessage> all = messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id());
        Map<Long, List<AttachmentInfo>> byMessage = all.isEmpty() ? Map.of()
                : attachments.describe(all.stream().map(TicketMessage::id).toList()).stream()
                        .collect(Collectors.groupingBy(AttachmentInfo::ticketMessageId));
        Map<Long, OutboxEntry> deliveries = outbox.forTicket(ticket.id()).stream()
                .collect(Collectors.toMap(OutboxEntry::id, Function.identity()));
        List<TicketDetails.MessageDetails> views = all.stream().map(m -> new TicketDetails.MessageDetails(m.id(),
                m.direction(), m.inboundMessageId(), m.messageId(), m.sender(), m.senderName(), m.subject(),
                m.textBody(), m.assurance(), m.createdAt(), delivery(m, deliveries),
                byMessage.getOrDefault(m.id(), List.of()), m.releasedBy().orElse(null),
                m.releaseReason().orElse(null))).toList();
        return new TicketDetails(ticket.number(), ticket.partnerId(), ticket.requester(), ticket.requesterName(),
                ticket.subject(), ticket.status(), ticket.priority(), ticket.assurance(), ticket.categories(),
                ticket.createdAt(), ticket.updatedAt(), views);
    }

    private static TicketDetails.Delivery delivery(TicketMessage message, Map<Long, OutboxEntry> deliveries) {
        if (message.outboxId() == null) {
            return null;
        }
        OutboxEntry row = deliveries.get(message.outboxId());
        return row == null ? null : new TicketDetails.Delivery(row.state().dbValue(), row.attempts(), row.lastError(),
                row.relayReply(), row.sentAt());
    }

    private static String nullIfBlank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
