package org.supportgate.ticketing.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.ticketing.reply.NoReplyReason;
import org.supportgate.ticketing.reply.ReplyDecision;

class RefusalWordingTest {

    @Test
    void namesTheCategoryAndTheAssuranceItNeedsInOneLine() {
        String why = RefusalWording.why(List.of("mail_routing"), Assurance.SUPPORT_CODE, true);
        assertThat(why).isEqualTo("Mail routing changes need a support code from your console, which an email alone cannot give.");
        assertThat(why).doesNotContain("\n");
    }

    @Test
    void joinsSeveralCategories() {
        assertThat(RefusalWording.why(List.of("sender_lists", "mail_reports"), Assurance.SIGNED, true))
                .startsWith("Allow-list and block-list changes and requests for mail logs and reports need an S/MIME signature");
    }

    @Test
    void saysAuthenticationFailedForANonSensitiveItem() {
        assertThat(RefusalWording.why(List.of(), Assurance.EMAIL, false))
                .contains("did not pass email authentication (DMARC)");
    }

    @Test
    void anUnknownCategoryIsReducedToPlainCharacters() {
        assertThat(RefusalWording.category("weird\r\nBcc: x@evil.example<script>"))
                .isEqualTo("requests of type weirdbccxevilexamplescript");
    }

    @Test
    void everyAssuranceHasWords() {
        for (Assurance level : Assurance.values()) {
            assertThat(RefusalWording.proof(level)).isNotBlank();
        }
    }

    @Test
    void adminsAreToldUnlessTheMessageIsAutomaticOrOurOwn() {
        assertThat(RefusalNotices.stopsAdminNotice(NoReplyReason.SENDER_NOT_AUTHENTICATED)).isFalse();
        assertThat(RefusalNotices.stopsAdminNotice(NoReplyReason.NOREPLY_ADDRESS)).isFalse();
        assertThat(RefusalNotices.stopsAdminNotice(NoReplyReason.NULL_SENDER)).isFalse();
        assertThat(RefusalNotices.stopsAdminNotice(NoReplyReason.OUR_LOOP_HEADER)).isTrue();
        assertThat(RefusalNotices.stopsAdminNotice(NoReplyReason.AUTO_SUBMITTED)).isTrue();
        assertThat(RefusalNotices.stopsAdminNotice(NoReplyReason.LIST_ID)).isTrue();
    }

    @Test
    void theVerdictCarriesTheItemAndLowerCaseAssurances() {
        QuarantineOutcome outcome = new QuarantineOutcome(42, false, List.of("account_access"),
                List.of("account_access needs support_code"), Assurance.NONE, Assurance.SUPPORT_CODE,
                List.of(new QuarantineOutcome.Notice("a@b.example", new ReplyDecision.Reply("a@b.example"))));
        assertThat(QuarantineVerdict.of(outcome)).isEqualTo(new QuarantineVerdict("quarantine", 42,
                List.of("account_access"), List.of("account_access needs support_code"), "none", "support_code"));
    }

    @Test
    void statesParseFromTheirWordsOnly() {
        assertThat(QuarantineState.parse("Pending")).contains(QuarantineState.PENDING);
        assertThat(QuarantineState.parse("released")).contains(QuarantineState.RELEASED);
        assertThat(QuarantineState.parse("pending' OR 1=1")).isEqualTo(Optional.empty());
    }
}
