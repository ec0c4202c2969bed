package org.supportgate.ticketing.reply;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RFC 3834 and backscatter rules: whether a message may get an automatic reply at all. An ordered
 * list of named rules, Postfix style; the first that says no decides, with its reason. Pure: the
 * per-address budget is {@link ReplyBudget}'s job.
 */
public final class AutoReplyRules {

    /** Our loop header: every message we send carries it; one that comes back is ours. */
    public static final String LOOP_HEADER = "X-Supportgate-Loop";

    private static final Set<String> NOREPLY_LOCAL_PARTS = Set.of("noreply", "donotreply", "noresponse",
            "donotrespond", "bounce", "bounces", "mailerdaemon", "listserv", "majordomo");

    private final Set<String> ownMailboxes;

    /** @param ownMailboxes every address we receive or send as; mail from them is never answered */
    public AutoReplyRules(Set<String> ownMailboxes) {
        this.ownMailboxes = ownMailboxes.stream().map(AutoReplyRules::normalise).collect(Collectors.toUnmodifiableSet());
    }

    public ReplyDecision decide(ReplyCandidate message) {
        String mailFrom = normalise(message.mailFrom());
        String from = normalise(message.fromAddress());
        if (mailFrom.isEmpty() || from.isEmpty()) {
            return no(NoReplyReason.NULL_SENDER, mailFrom.isEmpty() ? "MAIL FROM:<>" : "no From address");
        }
        if (!usable(from)) {
            return no(NoReplyReason.UNUSABLE_ADDRESS, from);
        }
        if (!message.header(LOOP_HEADER).isEmpty()) {
            return no(NoReplyReason.OUR_LOOP_HEADER, LOOP_HEADER + ": " + message.header(LOOP_HEADER));
        }
        if (ours(from) || ours(mailFrom)) {
            return no(NoReplyReason.OUR_OWN_MAILBOX, ours(from) ? from : mailFrom);
        }
        for (String address : new String[] {mailFrom, from}) {
            String local = localPart(address);
            if (local.equals("mailer-daemon")) {
                return no(NoReplyReason.MAILER_DAEMON, address);
            }
            if (local.equals("postmaster")) {
                return no(NoReplyReason.POSTMASTER, address);
            }
            if (noreplyStyle(local)) {
                return no(NoReplyReason.NOREPLY_ADDRESS, address);
            }
        }
        String autoSubmitted = firstToken(message.header("Auto-Submitted"));
        if (!autoSubmitted.isEmpty() && !autoSubmitted.equals("no")) {
            return no(NoReplyReason.AUTO_SUBMITTED, "Auto-Submitted: " + message.header("Auto-Submitted"));
        }
        String precedence = firstToken(message.header("Precedence"));
        if (precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk")) {
            return no(NoReplyReason.PRECEDENCE, "Precedence: " + precedence);
        }
        if (!message.header("List-Id").isEmpty()) {
            return no(NoReplyReason.LIST_ID, "List-Id: " + message.header("List-Id"));
        }
        if (!message.header("List-Unsubscribe").isEmpty()) {
            return no(NoReplyReason.LIST_UNSUBSCRIBE, "List-Unsubscribe present");
        }
        if (suppressesAutoReplies(message.header("X-Auto-Response-Suppress"))) {
            return no(NoReplyReason.AUTO_RESPONSE_SUPPRESSED, "X-Auto-Response-Suppress: " + message.header("X-Auto-Response-Suppress"));
        }
        if (!message.authenticated()) {
            return no(NoReplyReason.SENDER_NOT_AUTHENTICATED, from);
        }
        return new ReplyDecision.Reply(from);
    }

    /**
     * Microsoft's list: All, OOF and AutoReply suppress what we send; DR, NDR, RN, NRN concern
     * delivery and read receipts, which we never send.
     */
    static boolean suppressesAutoReplies(String value) {
        int start = 0;
        for (int tokens = 0; start <= value.length() && tokens < 32; tokens++) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            String t = value.substring(start, end).strip().toLowerCase(Locale.ROOT);
            if (t.equals("all") || t.equals("oof") || t.equals("autoreply")) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** noreply, no-reply, do_not_reply, noreply-alerts, owner-list, list-request, bounces... */
    static boolean noreplyStyle(String local) {
        String withoutTag = local.contains("+") ? local.substring(0, local.indexOf('+')) : local;
        if (withoutTag.startsWith("owner-") || withoutTag.endsWith("-request") || withoutTag.endsWith("-owner")) {
            return true;
        }
        StringBuilder squeezed = new StringBuilder(withoutTag.length());
        for (int i = 0; i < withoutTag.length(); i++) {
            char c = withoutTag.charAt(i);
            if (c != '-' && c != '_' && c != '.') {
                squeezed.append(c);
            }
        }
        String s = squeezed.toString();
        return NOREPLY_LOCAL_PARTS.contains(s) || s.startsWith("noreply") || s.startsWith("donotreply");
    }

    /** The value's first word, lower-cased: {@code auto-replied; owner=...} gives auto-replied. */
    static String firstToken(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int end = v.length();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ';' || c == '(' || c == ' ' || c == '\t') {
                end = i;
                break;
            }
        }
        return v.substring(0, end);
    }

    /** One of our mailboxes, also with a subaddress ({@code support+bounce-x@...} is support@...). */
    private boolean ours(String address) {
        int plus = address.indexOf('+');
        int at = address.lastIndexOf('@');
        String base = plus > 0 && at > plus ? address.substring(0, plus) + address.substring(at) : address;
        return ownMailboxes.contains(address) || ownMailboxes.contains(base);
    }

    /** local@domain, printable, no spaces or brackets, at most 254 characters. */
    static boolean usable(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.length() > 254) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c == 127 || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';'
                    || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    static String normalise(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1).strip();
        }
        return a.toLowerCase(Locale.ROOT);
    }

    private static ReplyDecision no(NoReplyReason reason, String detail) {
        String bounded = detail.length() > 200 ? detail.substring(0, 200) : detail;
        return new ReplyDecision.NoReply(reason, bounded);
    }
}
