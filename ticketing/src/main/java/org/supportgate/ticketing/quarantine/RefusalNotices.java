package org.supportgate.ticketing.quarantine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.ticketing.outbox.Outbox;
import org.supportgate.ticketing.partner.Contact;
import org.supportgate.ticketing.partner.PartnerDirectory;
import org.supportgate.ticketing.reply.AutoReplyRules;
import org.supportgate.ticketing.reply.ComposedReply;
import org.supportgate.ticketing.reply.NoReplyReason;
import org.supportgate.ticketing.reply.RefusalNotice;
import org.supportgate.ticketing.reply.ReplyBudget;
import org.supportgate.ticketing.reply.ReplyCandidate;
import org.supportgate.ticketing.reply.ReplyComposer;
import org.supportgate.ticketing.reply.ReplyDecision;
import org.supportgate.ticketing.reply.ReplyKind;
import org.supportgate.ticketing.ticket.MessageIds;

/**
 * Writes refusal notices to the outbox, in the caller's transaction: picks the recipients the
 * audience allows, applies the RFC 3834 rules and the reply budget, and remembers each notice (or
 * why it was held back) against the item.
 */
@Component
class RefusalNotices {

    /** When a notice is written: at the hold (automatic) or at a staff rejection (asked for). */
    enum Occasion {
        HOLD, REJECT;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        RefusalNotice.Stage stage() {
            return switch (this) {
                case HOLD -> RefusalNotice.Stage.HELD;
                case REJECT -> RefusalNotice.Stage.REJECTED;
            };
        }
    }

    /** What a notice needs to know about the held message. */
    record Facts(long itemId, String mailFrom, String fromAddress, String fromName, String messageId,
            List<String> references, Map<String, String> headers, NoticeAudience audience, boolean sensitive,
            List<String> categories, Assurance requiredAssurance) {}

    private final AutoReplyRules rules;
    private final ReplyBudget budget;
    private final ReplyComposer composer;
    private final Outbox outbox;
    private final PartnerDirectory directory;
    private final QuarantineStore store;

    RefusalNotices(AutoReplyRules rules, ReplyBudget budget, ReplyComposer composer, Outbox outbox,
            PartnerDirectory directory, QuarantineStore store) {
        this.rules = rules;
        this.budget = budget;
        this.composer = composer;
        this.outbox = outbox;
        this.directory = directory;
        this.store = store;
    }

    List<QuarantineOutcome.Notice> send(Facts facts, Occasion occasion, Instant now) {
        return switch (facts.audience()) {
            case NoticeAudience.Nobody nobody -> List.of();
            case NoticeAudience.Sender sender -> {
                // The intake names the sender only when it authenticated; the rules still keep
                // notices away from lists, automatic mail, loops and noreply addresses.
                ReplyDecision allowed = rules.decide(new ReplyCandidate(facts.mailFrom(), sender.address(),
                        facts.headers(), true));
                yield List.of(deliver(facts, occasion, RefusalNotice.Audience.SENDER,
                        sender.address().toLowerCase(Locale.ROOT), facts.fromName(), allowed, now));
            }
            case NoticeAudience.PartnerAdmins partner -> toAdmins(facts, partner.partnerId(), occasion, now);
        };
    }

    private List<QuarantineOutcome.Notice> toAdmins(Facts facts, String partnerId, Occasion occasion, Instant now) {
        ReplyDecision message = rules.decide(new ReplyCandidate(facts.mailFrom(), facts.fromAddress(), facts.headers(), true));
        List<QuarantineOutcome.Notice> notices = new ArrayList<>();
        for (Contact admin : directory.activeAdmins(partnerId)) {
            ReplyDecision allowed = switch (message) {
                case ReplyDecision.NoReply no when stopsAdminNotice(no.reason()) -> no;
                case ReplyDecision.NoReply no -> new ReplyDecision.Reply(admin.email());
                case ReplyDecision.Reply yes -> new ReplyDecision.Reply(admin.email());
            };
            notices.add(deliver(facts, occasion, RefusalNotice.Audience.PARTNER_ADMIN, admin.email(), admin.displayName(),
                    allowed, now));
        }
        return notices;
    }

    /**
     * The admins are not the sender, so rules about the sender's address do not keep them
     * uninformed; rules that say the message is automatic, list mail or our own coming back do.
     */
    static boolean stopsAdminNotice(NoReplyReason reason) {
        return switch (reason) {
            case OUR_LOOP_HEADER, OUR_OWN_MAILBOX, AUTO_SUBMITTED, PRECEDENCE, LIST_ID, LIST_UNSUBSCRIBE -> true;
            case NULL_SENDER, UNUSABLE_ADDRESS, MAILER_DAEMON, POSTMASTER, NOREPLY_ADDRESS, AUTO_RESPONSE_SUPPRESSED,
                    SENDER_NOT_AUTHENTICATED, THREAD_ALREADY_ACKNOWLEDGED, ADDRESS_CAP_REACHED, BREAKER_OPEN,
                    REPLAYED -> false;
        };
    }

    private QuarantineOutcome.Notice deliver(Facts facts, Occasion occasion, RefusalNotice.Audience audience,
            String recipient, String recipientName, ReplyDecision allowed, Instant now) {
        if (allowed instanceof ReplyDecision.Reply && occasion == Occasion.HOLD) {
            allowed = budget.allowNotice(recipient, now);
        }
        // A notice staff asked for at rejection is not an automatic reply: it skips the budget,
        // and an item is rejected once, so it cannot repeat.
        switch (allowed) {
            case ReplyDecision.NoReply no -> {
                store.recordNotice(facts.itemId(), recipient, occasion.id(), Optional.empty(),
                        Optional.of(no.reason().name().toLowerCase(Locale.ROOT)));
                return new QuarantineOutcome.Notice(recipient, no);
            }
            case ReplyDecision.Reply yes -> {
                ComposedReply mail = composer.refusal(notice(facts, occasion, audience, recipient, recipientName));
                long outboxId = outbox.enqueue(null, ReplyKind.NOTICE.dbValue(), mail.messageId(), mail.envelopeFrom(),
                        recipient, mail.verpToken(), mail.raw());
                budget.recordNotice(recipient, now);
                store.recordNotice(facts.itemId(), recipient, occasion.id(), Optional.of(outboxId), Optional.empty());
                return new QuarantineOutcome.Notice(recipient, new ReplyDecision.Reply(recipient));
            }
        }
    }

    private static RefusalNotice notice(Facts facts, Occasion occasion, RefusalNotice.Audience audience, String recipient,
            String name) {
        String why = RefusalWording.why(facts.categories(), facts.requiredAssurance(), facts.sensitive());
        String reference = "Q-" + facts.itemId();
        return switch (audience) {
            case SENDER -> {
                String answered = MessageIds.bare(facts.messageId());
                List<String> references = new ArrayList<>();
                for (String id : facts.references()) {
                    String bare = MessageIds.bare(id);
                    if (!bare.isEmpty()) {
                        references.add(bare);
                    }
                }
                if (!answered.isEmpty()) {
                    references.add(answered);
                }
                yield new RefusalNotice(audience, recipient, name, facts.fromAddress(), reference, occasion.stage(),
                        facts.categories(),
                        facts.requiredAssurance().id(), why, answered.isEmpty() ? null : answered, references);
            }
            // Not threaded into the forged message: the admins never saw it.
            case PARTNER_ADMIN -> new RefusalNotice(audience, recipient, name, facts.fromAddress(), reference,
                    occasion.stage(), facts.categories(), facts.requiredAssurance().id(), why, null, List.of());
        };
    }
}
