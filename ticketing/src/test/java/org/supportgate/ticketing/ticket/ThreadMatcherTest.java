package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadMatcherTest {

    private static final TicketFacts ALICE_TICKET = new TicketFacts(1, "SG-7KQ2MX", "alice@partner.example", "partner-1",
            TicketStatus.OPEN, Assurance.EMAIL);
    private static final TicketFacts BOB_TICKET = new TicketFacts(2, "SG-ABCDEF", "bob@other.example", null,
            TicketStatus.NEW, Assurance.NONE);
    private static final TicketFacts CLOSED_TICKET = new TicketFacts(3, "SG-CCCCCC", "alice@partner.example", "partner-1",
            TicketStatus.CLOSED, Assurance.EMAIL);

    /** Tickets as the database would hold them: by number, and by our outgoing Message-IDs. */
    private record Known(Map<String, TicketFacts> byMessageId) implements ThreadMatcher.Lookups {

        @Override
        public Optional<TicketFacts> byOutgoingMessageId(String messageId) {
            return Optional.ofNullable(byMessageId.get(messageId));
        }

        @Override
        public Optional<TicketFacts> byNumber(String number) {
            return List.of(ALICE_TICKET, BOB_TICKET, CLOSED_TICKET).stream().filter(t -> t.number().equals(number)).findFirst();
        }
    }

    private final ThreadMatcher matcher = new ThreadMatcher(new Known(Map.of(
            "ack.1@support.example", ALICE_TICKET, "ack.2@support.example", BOB_TICKET)));

    @Test
    void joinsByInReplyToOurMessageId() {
        ThreadMatch match = matcher.match("Re: something", "<ack.1@support.example>", List.of(), "alice@partner.example",
                null, true, Assurance.EMAIL);
        assertThat(match).isEqualTo(new ThreadMatch.Join(ALICE_TICKET, ThreadMatch.Via.REFERENCE, List.of()));
    }

    @Test
    void joinsByReferencesWhenInReplyToIsForeign() {
        ThreadMatch match = matcher.match("Re: x", "<their.msg@partner.example>",
                List.of("<first@partner.example>", "<ack.1@support.example>", "<their.msg@partner.example>"),
                "alice@partner.example", null, true, Assurance.EMAIL);
        assertThat(match).isInstanceOf(ThreadMatch.Join.class);
        assertThat(((ThreadMatch.Join) match).ticket()).isEqualTo(ALICE_TICKET);
    }

    @Test
    void joinsByOurTagBehindStackedForeignTags() {
        ThreadMatch match = matcher.match("Re: [#1234] Ticket Received - [SG-7KQ2MX] Mail stuck", null, List.of(),
                "alice@partner.example", null, true, Assurance.EMAIL);
        assertThat(match).isEqualTo(new ThreadMatch.Join(ALICE_TICKET, ThreadMatch.Via.SUBJECT_TAG, List.of()));
    }

    @Test
    void aColleagueOfTheSamePartnerMayJoin() {
        ThreadMatch match = matcher.match("Re: [SG-7KQ2MX]", null, List.of(), "carol@partner.example", "partner-1", true,
                Assurance.EMAIL);
        assertThat(match).isInstanceOf(ThreadMatch.Join.class);
    }

    @Test
    void aStrangerWithAGuessedTagStartsANewTicketAndTheAttemptIsKept() {
        ThreadMatch match = matcher.match("Re: [SG-7KQ2MX] please change our MX", null, List.of(),
                "mallory@evil.example", null, true, Assurance.NONE);
        assertThat(match).isEqualTo(new ThreadMatch.NewThread(List.of(new ThreadMatch.Refusal(ALICE_TICKET,
                ThreadMatch.Via.SUBJECT_TAG, ThreadMatch.RefusalReason.NOT_A_PARTICIPANT))));
    }

    @Test
    void aStrangerWithALeakedMessageIdDoesNotJoinEither() {
        ThreadMatch match = matcher.match("Re: x", "<ack.1@support.example>", List.of(), "mallory@evil.example", null,
                true, Assurance.NONE);
        assertThat(match).isInstanceOf(ThreadMatch.NewThread.class);
        assertThat(match.refusals()).extracting(ThreadMatch.Refusal::reason)
                .containsExactly(ThreadMatch.RefusalReason.NOT_A_PARTICIPANT);
    }

    @Test
    void theRequesterFailingAuthenticationDoesNotJoin() {
        ThreadMatch spoofed = matcher.match("Re: [SG-7KQ2MX]", null, List.of(), "alice@partner.example", null, false,
                Assurance.NONE);
        assertThat(spoofed.refusals()).extracting(ThreadMatch.Refusal::reason)
                .containsExactly(ThreadMatch.RefusalReason.ASSURANCE_TOO_LOW);
        ThreadMatch weak = matcher.match("Re: [SG-7KQ2MX]", null, List.of(), "alice@partner.example", null, true,
                Assurance.NONE);
        assertThat(weak).isInstanceOf(ThreadMatch.NewThread.class);
    }

    @Test
    void aClosedTicketIsNotReopenedByMail() {
        ThreadMatch match = matcher.match("Re: [SG-CCCCCC]", null, List.of(), "alice@partner.example", "partner-1", true,
                Assurance.EMAIL);
        assertThat(match.refusals()).extracting(ThreadMatch.Refusal::reason)
                .containsExactly(ThreadMatch.RefusalReason.TICKET_CLOSED);
    }

    @Test
    void aRefusedReferenceDoesNotHideAPermittedTag() {
        ThreadMatch match = matcher.match("Re: [SG-ABCDEF]", "<ack.1@support.example>", List.of(), "bob@other.example",
                null, true, Assurance.NONE);
        assertThat(match).isInstanceOf(ThreadMatch.Join.class);
        assertThat(((ThreadMatch.Join) match).ticket()).isEqualTo(BOB_TICKET);
        assertThat(match.refusals()).hasSize(1);
    }

    @Test
    void unknownTagsAndIdsStartANewTicketQuietly() {
        assertThat(matcher.match("[SG-ZZZZZZ] hello", "<nope@x>", List.of(), "alice@partner.example", null, true,
                Assurance.EMAIL)).isEqualTo(new ThreadMatch.NewThread(List.of()));
    }

    @Test
    void readsAtMostTwentyReferences() {
        List<String> many = java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "<r" + i + "@x>").toList();
        assertThat(ThreadMatcher.referencedIds("<a@x> <b@x>", many)).hasSize(ThreadMatcher.MAX_REFERENCES)
                .startsWith("a@x", "b@x", "r4999@x");
    }
}
