package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the ticket an inbound message continues. Candidates come first from our own Message-IDs
 * in {@code In-Reply-To} and {@code References} (newest first), then from our tags in the subject.
 * Neither is a key: a candidate takes the message only when the sender is a participant of the
 * ticket (its requester, or a contact of the same partner) and the message authenticates at least
 * as well as the ticket requires. Anything else is a refusal, and the message starts a new ticket.
 *
 * <p>Pure apart from the two lookups, which the caller backs with the database.
 */
public final class ThreadMatcher {

    /** Reads existing tickets; both return empty when nothing matches. */
    public interface Lookups {

        Optional<TicketFacts> byOutgoingMessageId(String messageId);

        Optional<TicketFacts> byNumber(String number);
    }

    /** Only this many references are looked up; a longer chain is someone's loop or an attack. */
    static final int MAX_REFERENCES = 20;

    private final Lookups lookups;

    public ThreadMatcher(Lookups lookups) {
        this.lookups = lookups;
    }

    /**
     * @param sender the From address, lower-cased
     * @param partnerId the partner the sender was identified as a contact of, or null
     */
    public ThreadMatch match(String subject, String inReplyTo, List<String> references, String sender,
            String partnerId, boolean authenticated, Assurance assurance) {
        List<ThreadMatch.Refusal> refusals = new ArrayList<>();
        Set<Long> tried = new java.util.HashSet<>();
        for (String id : referencedIds(inReplyTo, references)) {
            Optional<TicketFacts> ticket = lookups.byOutgoingMessageId(id);
            if (ticket.isPresent() && tried.add(ticket.get().id())) {
                Optional<ThreadMatch.RefusalReason> refused = refusal(ticket.get(), sender, partnerId, authenticated, assurance);
                if (refused.isEmpty()) {
                    return new ThreadMatch.Join(ticket.get(), ThreadMatch.Via.REFERENCE, refusals);
                }
                refusals.add(new ThreadMatch.Refusal(ticket.get(), ThreadMatch.Via.REFERENCE, refused.get()));
            }
        }
        for (String number : SubjectTags.of(subject).ours()) {
            Optional<TicketFacts> ticket = lookups.byNumber(number);
            if (ticket.isPresent() && tried.add(ticket.get().id())) {
                Optional<ThreadMatch.RefusalReason> refused = refusal(ticket.get(), sender, partnerId, authenticated, assurance);
                if (refused.isEmpty()) {
                    return new ThreadMatch.Join(ticket.get(), ThreadMatch.Via.SUBJECT_TAG, refusals);
                }
                refusals.add(new ThreadMatch.Refusal(ticket.get(), ThreadMatch.Via.SUBJECT_TAG, refused.get()));
            }
        }
        return new ThreadMatch.NewThread(refusals);
    }

    static Optional<ThreadMatch.RefusalReason> refusal(TicketFacts ticket, String sender, String partnerId,
            boolean authenticated, Assurance assurance) {
        boolean requester = !sender.isEmpty() && sender.equalsIgnoreCase(ticket.requester());
        boolean samePartner = partnerId != null && partnerId.equals(ticket.partnerId());
        if (!requester && !samePartner) {
            return Optional.of(ThreadMatch.RefusalReason.NOT_A_PARTICIPANT);
        }
        if (!authenticated || !assurance.meets(ticket.requiredAssurance())) {
            return Optional.of(ThreadMatch.RefusalReason.ASSURANCE_TOO_LOW);
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            return Optional.of(ThreadMatch.RefusalReason.TICKET_CLOSED);
        }
        return Optional.empty();
    }

    /** In-Reply-To, then References newest first; brackets and blanks removed, each once. */
    static List<String> referencedIds(String inReplyTo, List<String> references) {
        Set<String> ids = new LinkedHashSet<>();
        addIds(ids, inReplyTo);
        for (int i = references.size() - 1; i >= 0 && ids.size() < MAX_REFERENCES; i--) {
            addIds(ids, references.get(i));
        }
        return ids.stream().limit(MAX_REFERENCES).toList();
    }

    /** Adds every {@code <id>} in the text, or the whole text when it has no brackets. */
    private static void addIds(Set<String> ids, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        int open = text.indexOf('<');
        if (open < 0) {
            ids.add(MessageIds.bare(text));
            return;
        }
        while (open >= 0 && ids.size() < MAX_REFERENCES) {
            int close = text.indexOf('>', open + 1);
            if (close < 0) {
                return;
            }
            String id = MessageIds.bare(text.substring(open + 1, close));
            if (!id.isEmpty()) {
                ids.add(id);
            }
            open = text.indexOf('<', close + 1);
        }
    }
}
