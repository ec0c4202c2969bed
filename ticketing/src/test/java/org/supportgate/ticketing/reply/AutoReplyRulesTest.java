package org.supportgate.ticketing.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoReplyRulesTest {

    private final AutoReplyRules rules = new AutoReplyRules(Set.of("support@support.example", "Help@Support.Example"));

    private static ReplyCandidate mail(String mailFrom, String from, Map<String, String> headers, boolean authenticated) {
        return new ReplyCandidate(mailFrom, from, headers, authenticated);
    }

    private static ReplyCandidate plain(Map<String, String> headers) {
        return mail("alice@partner.example", "alice@partner.example", headers, true);
    }

    private NoReplyReason reason(ReplyCandidate candidate) {
        return switch (rules.decide(candidate)) {
            case ReplyDecision.NoReply no -> no.reason();
            case ReplyDecision.Reply yes -> throw new AssertionError("expected no reply, got a reply to " + yes.recipient());
        };
    }

    @Test
    void repliesToAnAuthenticatedPersonWritingNormally() {
        assertThat(rules.decide(plain(Map.of("Auto-Submitted", "no", "Subject", "hi"))))
                .isEqualTo(new ReplyDecision.Reply("alice@partner.example"));
    }

    @Test
    void neverRepliesToTheNullSender() {
        assertThat(reason(mail("", "alice@partner.example", Map.of(), true))).isEqualTo(NoReplyReason.NULL_SENDER);
        assertThat(reason(mail("<>", "alice@partner.example", Map.of(), true))).isEqualTo(NoReplyReason.NULL_SENDER);
    }

    @Test
    void neverRepliesToAnAddressThatCouldInjectOrIsIncomplete() {
        assertThat(reason(mail("alice@partner.example", "alice@partner.example\r\nBcc: x@y", Map.of(), true)))
                .isEqualTo(NoReplyReason.UNUSABLE_ADDRESS);
        assertThat(reason(mail("alice@partner.example", "alice", Map.of(), true))).isEqualTo(NoReplyReason.UNUSABLE_ADDRESS);
        assertThat(reason(mail("alice@partner.example", "a@b>, c@d", Map.of(), true))).isEqualTo(NoReplyReason.UNUSABLE_ADDRESS);
    }

    @Test
    void neverRepliesToMailerDaemonOrPostmaster() {
        assertThat(reason(mail("MAILER-DAEMON@mx.partner.example", "MAILER-DAEMON@mx.partner.example", Map.of(), true)))
                .isEqualTo(NoReplyReason.MAILER_DAEMON);
        assertThat(reason(mail("MAILER-DAEMON", "alice@partner.example", Map.of(), true))).isEqualTo(NoReplyReason.MAILER_DAEMON);
        assertThat(reason(mail("bounce-123@partner.example", "Postmaster@partner.example", Map.of(), true)))
                .isEqualTo(NoReplyReason.POSTMASTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"noreply@partner.example", "no-reply@partner.example", "No_Reply@partner.example",
            "donotreply@partner.example", "do-not-reply@partner.example", "noreply-alerts@partner.example",
            "owner-staff@lists.partner.example", "staff-request@lists.partner.example", "bounces@partner.example"})
    void neverRepliesToNoreplyStyleAddresses(String address) {
        assertThat(reason(mail(address, address, Map.of(), true))).isEqualTo(NoReplyReason.NOREPLY_ADDRESS);
        assertThat(reason(mail("alice@partner.example", address, Map.of(), true))).isEqualTo(NoReplyReason.NOREPLY_ADDRESS);
    }

    @Test
    void repliesToAddressesThatOnlyLookLikeNoreply() {
        assertThat(rules.decide(plain(Map.of()))).isInstanceOf(ReplyDecision.Reply.class);
        assertThat(rules.decide(mail("norene@partner.example", "norene@partner.example", Map.of(), true)))
                .isInstanceOf(ReplyDecision.Reply.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto-replied", "auto-generated", "Auto-Generated; owner-email=\"x@y\"", "auto-notified",
            "something-new"})
    void neverRepliesToAutoSubmittedOtherThanNo(String value) {
        assertThat(reason(plain(Map.of("auto-submitted", value)))).isEqualTo(NoReplyReason.AUTO_SUBMITTED);
    }

    @Test
    void autoSubmittedNoWithACommentStillGetsAReply() {
        assertThat(rules.decide(plain(Map.of("Auto-Submitted", " No (a person wrote this)"))))
                .isInstanceOf(ReplyDecision.Reply.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk", "List", " junk "})
    void neverRepliesToBulkListOrJunkPrecedence(String value) {
        assertThat(reason(plain(Map.of("Precedence", value)))).isEqualTo(NoReplyReason.PRECEDENCE);
    }

    @Test
    void repliesDespiteOtherPrecedence() {
        assertThat(rules.decide(plain(Map.of("Precedence", "first-class")))).isInstanceOf(ReplyDecision.Reply.class);
    }

    @Test
    void neverRepliesToMailingListMail() {
        assertThat(reason(plain(Map.of("List-Id", "<staff.partner.example>")))).isEqualTo(NoReplyReason.LIST_ID);
        assertThat(reason(plain(Map.of("List-Unsubscribe", "<mailto:leave@partner.example>"))))
                .isEqualTo(NoReplyReason.LIST_UNSUBSCRIBE);
    }

    @Test
    void honoursXAutoResponseSuppressForAutoRepliesOnly() {
        assertThat(reason(plain(Map.of("X-Auto-Response-Suppress", "All")))).isEqualTo(NoReplyReason.AUTO_RESPONSE_SUPPRESSED);
        assertThat(reason(plain(Map.of("X-Auto-Response-Suppress", "DR, OOF")))).isEqualTo(NoReplyReason.AUTO_RESPONSE_SUPPRESSED);
        assertThat(reason(plain(Map.of("X-Auto-Response-Suppress", "AutoReply")))).isEqualTo(NoReplyReason.AUTO_RESPONSE_SUPPRESSED);
        assertThat(rules.decide(plain(Map.of("X-Auto-Response-Suppress", "DR, NDR, RN, NRN"))))
                .isInstanceOf(ReplyDecision.Reply.class);
    }

    @Test
    void neverRepliesToOurOwnLoopHeader() {
        assertThat(reason(plain(Map.of("x-supportgate-loop", "mx.support.example")))).isEqualTo(NoReplyReason.OUR_LOOP_HEADER);
    }

    @Test
    void neverRepliesToOurOwnMailboxes() {
        assertThat(reason(mail("support@support.example", "support@support.example", Map.of(), true)))
                .isEqualTo(NoReplyReason.OUR_OWN_MAILBOX);
        assertThat(reason(mail("alice@partner.example", "HELP@support.example", Map.of(), true)))
                .isEqualTo(NoReplyReason.OUR_OWN_MAILBOX);
        assertThat(reason(mail("support+bounce-0123456789abcdef@support.example", "alice@partner.example", Map.of(), true)))
                .isEqualTo(NoReplyReason.OUR_OWN_MAILBOX);
    }

    @Test
    void neverRepliesToASenderWhoseAuthenticationFailed() {
        assertThat(reason(mail("alice@partner.example", "alice@partner.example", Map.of(), false)))
                .isEqualTo(NoReplyReason.SENDER_NOT_AUTHENTICATED);
    }

    @Test
    void namesTheRuleThatFiredWithItsTrigger() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Precedence", "bulk");
        headers.put("List-Id", "<x>");
        ReplyDecision decision = rules.decide(plain(headers));
        assertThat(decision).isEqualTo(new ReplyDecision.NoReply(NoReplyReason.PRECEDENCE, "Precedence: bulk"));
    }
}
