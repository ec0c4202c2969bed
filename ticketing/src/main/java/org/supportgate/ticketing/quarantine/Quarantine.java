package org.supportgate.ticketing.quarantine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.supportgate.ticketing.audit.AuditLog;
import org.supportgate.ticketing.ticket.InboundRequest;
import org.supportgate.ticketing.ticket.TicketOutcome;
import org.supportgate.ticketing.ticket.Tickets;

/**
 * The quarantine of requests we refuse to act on. {@link #hold} is the intake's "act" step for
 * such a request: in the caller's transaction it stores the item with its evidence, records the
 * audit event and writes the refusal notices to the outbox. Staff then {@link #release} (a ticket
 * is opened; a sensitive item needs two different staff) or {@link #reject} it, each decision an
 * audit event.
 */
@Service
public class Quarantine {

    /** Longest page of {@link #list}. */
    public static final int MAX_PAGE = 200;

    private static final String INTAKE = "intake";

    private final QuarantineStore store;
    private final RefusalNotices notices;
    private final Tickets tickets;
    private final AuditLog audit;

    Quarantine(QuarantineStore store, RefusalNotices notices, Tickets tickets, AuditLog audit) {
        this.store = store;
        this.notices = notices;
        this.tickets = tickets;
        this.audit = audit;
    }

    /** Holds the request and queues its refusal notices. Idempotent per spool id. */
    @Transactional
    public QuarantineOutcome hold(QuarantineRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<Long> inserted = store.insert(request);
        if (inserted.isEmpty()) {
            long earlier = store.idForSpool(request.spoolId()).orElseThrow();
            return new QuarantineOutcome(earlier, true, request.categories(), request.reasons(), request.assurance(),
                    request.requiredAssurance(), List.of());
        }
        long id = inserted.get();
        store.insertAttachments(id, request.attachments());
        audit.record(INTAKE, "quarantine.held", subject(id), "spool=" + request.spoolId() + " from=" + request.fromAddress()
                + " categories=" + request.categories() + " reasons=" + request.reasons() + " assurance="
                + request.assurance().id() + " required=" + request.requiredAssurance().id());
        List<QuarantineOutcome.Notice> sent = notices.send(new RefusalNotices.Facts(id, request.mailFrom(),
                request.fromAddress(), request.fromName(), request.messageId(), request.references(), request.headers(),
                request.audience(), request.sensitive(), request.categories(), request.requiredAssurance()),
                RefusalNotices.Occasion.HOLD, now);
        return new QuarantineOutcome(id, false, request.categories(), request.reasons(), request.assurance(),
                request.requiredAssurance(), sent);
    }

    @Transactional(readOnly = true)
    public Optional<QuarantineItem> item(long id) {
        return store.item(id);
    }

    /** Newest first; {@code before} is the last id of the previous page. */
    @Transactional(readOnly = true)
    public List<QuarantineItem.Listing> list(Optional<QuarantineState> state, int limit, Optional<Long> before) {
        return store.list(state, Math.clamp(limit, 1, MAX_PAGE), before);
    }

    /**
     * Records {@code staff}'s release. A non-sensitive item is released at once; a sensitive one on
     * the second release by someone else. Releasing opens (or joins) the ticket, marked with who
     * released it and why.
     *
     * @throws IllegalArgumentException when staff or reason is blank
     */
    @Transactional
    public DecisionOutcome release(long id, String staff, String reason) {
        String who = required(staff, "staff");
        String why = required(reason, "reason");
        if (!store.lock(id)) {
            return new DecisionOutcome.NotFound(id);
        }
        QuarantineItem item = store.item(id).orElseThrow();
        if (item.state() != QuarantineState.PENDING) {
            return new DecisionOutcome.AlreadyDecided(id, item.state());
        }
        List<QuarantineItem.Decision> releases = item.decisions().stream()
                .filter(d -> d.action() == QuarantineItem.Action.RELEASE).toList();
        if (releases.stream().anyMatch(d -> d.staff().equalsIgnoreCase(who))) {
            return new DecisionOutcome.SameStaffTwice(id, who);
        }
        store.recordDecision(id, who, QuarantineItem.Action.RELEASE, why, false);
        if (releases.size() + 1 < item.releasesNeeded()) {
            audit.record(who, "quarantine.release_approved", subject(id), "first of " + item.releasesNeeded()
                    + " releases: " + why);
            return new DecisionOutcome.AwaitingSecondRelease(id, who);
        }
        TicketOutcome ticket = tickets.openOrJoin(request(item));
        List<String> releasedBy = new ArrayList<>(releases.stream().map(QuarantineItem.Decision::staff).toList());
        releasedBy.add(who);
        StringBuilder reasons = new StringBuilder();
        for (QuarantineItem.Decision earlier : releases) {
            reasons.append(earlier.staff()).append(": ").append(earlier.reason()).append("; ");
        }
        reasons.append(who).append(": ").append(why);
        store.markTicketMessage(item.spoolId(), String.join(", ", releasedBy), reasons.toString());
        store.markReleased(id, ticket.ticketId());
        audit.record(who, "quarantine.released", subject(id), "ticket=" + ticket.ticketNumber() + " released by "
                + releasedBy + " (" + reasons + ")");
        return new DecisionOutcome.Released(id, ticket.ticketNumber(), releasedBy);
    }

    /**
     * Rejects the item; with {@code notify}, a refusal notice goes to the same audience as at the
     * hold (staff asked for it, so the automatic-reply budget does not hold it back).
     *
     * @throws IllegalArgumentException when staff or reason is blank
     */
    @Transactional
    public DecisionOutcome reject(long id, String staff, String reason, boolean notify) {
        String who = required(staff, "staff");
        String why = required(reason, "reason");
        if (!store.lock(id)) {
            return new DecisionOutcome.NotFound(id);
        }
        QuarantineItem item = store.item(id).orElseThrow();
        if (item.state() != QuarantineState.PENDING) {
            return new DecisionOutcome.AlreadyDecided(id, item.state());
        }
        store.recordDecision(id, who, QuarantineItem.Action.REJECT, why, notify);
        store.markRejected(id);
        audit.record(who, "quarantine.rejected", subject(id), why + (notify ? " (notice requested)" : ""));
        if (!notify) {
            return new DecisionOutcome.Rejected(id, List.of());
        }
        List<QuarantineOutcome.Notice> sent = notices.send(new RefusalNotices.Facts(id, item.mailFrom(),
                item.fromAddress(), item.fromName(), item.messageId(), List.of(), store.replyHeaders(id),
                store.audience(id), item.sensitive(), item.categories(), item.requiredAssurance()),
                RefusalNotices.Occasion.REJECT, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return new DecisionOutcome.Rejected(id, sent);
    }

    /** The request as the intake would have given it to tickets, from what the item kept. */
    private InboundRequest request(QuarantineItem item) {
        return new InboundRequest(item.spoolId(), item.mailFrom(), item.fromAddress(), emptyToNull(item.fromName()),
                item.subject(), emptyToNull(item.messageId()), List.of(), null, store.replyHeaders(item.id()),
                item.authenticated(), item.assurance(), emptyToNull(item.partnerId()), item.categories(), item.textBody(),
                store.attachmentData(item.id()));
    }

    private static String subject(long id) {
        return "quarantine:" + id;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        String stripped = value.strip();
        return stripped.length() > 500 ? stripped.substring(0, 500) : stripped;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
