package org.supportgate.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FromDomainsTest {

    private static List<String> domains(String value) {
        FromDomains parsed = FromDomains.parse(value);
        assertThat(parsed).isInstanceOf(FromDomains.Extracted.class);
        return ((FromDomains.Extracted) parsed).domains();
    }

    private static FromDomains.FromProblem problem(String value) {
        FromDomains parsed = FromDomains.parse(value);
        assertThat(parsed).isInstanceOf(FromDomains.Rejected.class);
        return ((FromDomains.Rejected) parsed).problem();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user@Example.COM                                         | example.com",
        "Jane Doe <jane@example.com>                              | example.com",
        "\"Doe, Jane\" <jane@example.com>                         | example.com",
        "\"a@b.example\" <jane@example.com>                       | example.com",
        "jane@example.com (Jane (the boss) Doe)                   | example.com",
        "(comment) <jane@(inner)example.com>                      | example.com",
        "\"jane doe\"@example.com                                 | example.com",
        "Jane <@relay.example,@other.example:jane@example.com>    | example.com",
        "=?utf-8?q?J=C3=A4ne?= <jane@example.com>                 | example.com",
        "Jürgen <j@bücher.example>                                | xn--bcher-kva.example",
        "j@ex-ample.co.uk                                         | ex-ample.co.uk",
    })
    void extractsTheDomain(String value, String expected) {
        assertThat(domains(value)).containsExactly(expected);
    }

    @Test
    void unfoldsAFoldedValue() {
        assertThat(domains("Jane\r\n\t<jane@example.com>\r\n (work)")).containsExactly("example.com");
    }

    @Test
    void listsEveryAddressAndGroupMember() {
        assertThat(domains("a@one.example, B <b@two.example>")).containsExactly("one.example", "two.example");
        assertThat(domains("Team: a@one.example, b@two.example;, c@three.example"))
                .containsExactly("one.example", "two.example", "three.example");
    }

    @Test
    void anEmptyGroupHasNoMailbox() {
        assertThat(problem("undisclosed-recipients:;")).isEqualTo(FromDomains.FromProblem.NO_ADDRESS);
        assertThat(problem("   ")).isEqualTo(FromDomains.FromProblem.NO_ADDRESS);
        assertThat(problem("(just a comment)")).isEqualTo(FromDomains.FromProblem.NO_ADDRESS);
    }

    @Test
    void refusesMailboxesWithoutADomainName() {
        assertThat(problem("postmaster")).isEqualTo(FromDomains.FromProblem.NO_DOMAIN);
        assertThat(problem("Jane <jane>")).isEqualTo(FromDomains.FromProblem.NO_DOMAIN);
        assertThat(problem("jane@[192.0.2.1]")).isEqualTo(FromDomains.FromProblem.NO_DOMAIN);
        assertThat(problem("<>")).isEqualTo(FromDomains.FromProblem.NO_DOMAIN);
        assertThat(problem("jane@")).isEqualTo(FromDomains.FromProblem.NO_DOMAIN);
        assertThat(problem("jane@example.com.")).as("dot-atom has no trailing dot")
                .isEqualTo(FromDomains.FromProblem.NO_DOMAIN);
    }

    @Test
    void refusesDomainsThatAreNotHostNames() {
        assertThat(problem("jane@under_score.example")).isEqualTo(FromDomains.FromProblem.INVALID_DOMAIN);
        assertThat(problem("jane@" + "a".repeat(64) + ".example")).isEqualTo(FromDomains.FromProblem.INVALID_DOMAIN);
        assertThat(problem("jane@-lead.example")).isEqualTo(FromDomains.FromProblem.INVALID_DOMAIN);
    }

    @Test
    void refusesMalformedAddressLists() {
        assertThat(problem("Jane <jane@example.com")).isEqualTo(FromDomains.FromProblem.MALFORMED);
        assertThat(problem("\"unterminated <jane@example.com>")).isEqualTo(FromDomains.FromProblem.MALFORMED);
        assertThat(problem("(unterminated jane@example.com")).isEqualTo(FromDomains.FromProblem.MALFORMED);
        assertThat(problem("jane@example.com <other@example.org>")).isEqualTo(FromDomains.FromProblem.MALFORMED);
        assertThat(problem("jane@a@example.com")).isEqualTo(FromDomains.FromProblem.MALFORMED);
        assertThat(problem("jane@example..com")).isEqualTo(FromDomains.FromProblem.MALFORMED);
        assertThat(problem("Team: a@one.example")).isEqualTo(FromDomains.FromProblem.MALFORMED);
        assertThat(problem("jane@exam\u0000ple.com")).isEqualTo(FromDomains.FromProblem.MALFORMED);
    }

    @Test
    void boundsTheInput() {
        assertThat(problem("a".repeat(FromDomains.MAX_VALUE_LENGTH + 1) + "@example.com"))
                .isEqualTo(FromDomains.FromProblem.TOO_LONG);
        assertThat(problem("(".repeat(100) + "x" + ")".repeat(100) + " a@example.com"))
                .isEqualTo(FromDomains.FromProblem.MALFORMED);
    }

    @Test
    void neverThrowsOnGarbage() {
        Random random = new Random(42);
        String alphabet = "ab@.<>:;,()\"[]\\ \t\r\n=?\u00e9\u0000";
        for (int n = 0; n < 5000; n++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(FromDomains.parse(value.toString())).isNotNull();
        }
    }

    @Test
    void describesTheProblemWithoutEchoingTheValue() {
        FromDomains.Rejected rejected = (FromDomains.Rejected) FromDomains.parse("secret-local-part");
        assertThat(rejected.describe()).contains("without a domain").doesNotContain("secret");
    }
}
