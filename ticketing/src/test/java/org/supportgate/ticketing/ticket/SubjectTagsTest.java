package org.supportgate.ticketing.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SubjectTagsTest {

    @Test
    void findsOurTagAmongStackedForeignTags() {
        SubjectTags tags = SubjectTags.of("Re: [#1234] Ticket Received - [SG-7KQ2MX] Mail stuck");
        assertThat(tags.ours()).containsExactly("SG-7KQ2MX");
        assertThat(tags.foreign()).isEqualTo(1);
        assertThat(tags.stacked()).isTrue();
        assertThat(tags.withoutOurs()).isEqualTo("Re: [#1234] Ticket Received - Mail stuck");
    }

    @Test
    void readsTagsCaseInsensitivelyAndOnce() {
        SubjectTags tags = SubjectTags.of("RE: [sg-7kq2mx] RE: [SG-7KQ2MX] [Ticket#99] [SG-ABCDEF]");
        assertThat(tags.ours()).containsExactly("SG-7KQ2MX", "SG-ABCDEF");
        assertThat(tags.foreign()).isEqualTo(1);
    }

    @Test
    void ignoresMalformedAndNestedBrackets() {
        assertThat(SubjectTags.of("[SG-7KQ2M] [SG-7KQ2MXX] [SG-0OIL11] [[SG-7KQ2MX]").ours()).containsExactly("SG-7KQ2MX");
        assertThat(SubjectTags.of("[SG-7KQ2MX").ours()).isEmpty();
        assertThat(SubjectTags.of(null).ours()).isEmpty();
        assertThat(SubjectTags.of("no tags at all").stacked()).isFalse();
    }

    @Test
    void staysLinearOnHostileSubjects() {
        String hostile = "[".repeat(200_000) + "SG-7KQ2MX]" + "[a".repeat(100_000);
        long start = System.nanoTime();
        SubjectTags tags = SubjectTags.of(hostile);
        assertThat(tags.ours()).containsExactly("SG-7KQ2MX");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void numbersAreRandomWellFormedAndUnambiguous() {
        TicketNumbers numbers = new TicketNumbers();
        String number = numbers.next();
        assertThat(number).startsWith("SG-").hasSize(9);
        assertThat(TicketNumbers.isWellFormed(number)).isTrue();
        assertThat(number.substring(3)).doesNotContain("0", "O", "1", "I", "L", "U");
        assertThat(TicketNumbers.isWellFormed("SG-12345")).isFalse();
        assertThat(TicketNumbers.isWellFormed("SG-ABCDE0")).isFalse();
        assertThat(TicketNumbers.isWellFormed("sg-abcdef")).isFalse();
        assertThat(TicketNumbers.canonical("sg-abcdef")).isEqualTo("SG-ABCDEF");
        // Consecutive numbers share no sequence: drawn, not counted.
        TicketNumbers seeded = new TicketNumbers(RandomGenerator.of("L64X128MixRandom"));
        List<String> drawn = List.of(seeded.next(), seeded.next(), seeded.next());
        assertThat(drawn).doesNotHaveDuplicates();
    }
}
