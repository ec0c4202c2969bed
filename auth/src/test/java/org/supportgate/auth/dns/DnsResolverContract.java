package org.supportgate.auth.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DnsResolver} must answer for {@link #ZONE}, written once and run against each
 * implementation (a subclass supplies the resolver).
 */
abstract class DnsResolverContract {

    static final String ZONE = """
            $ORIGIN example.test.
            $TTL 300
            @       SOA   ns.example.test. hostmaster.example.test. 1 3600 600 86400 60
            @       A     192.0.2.1
            @       AAAA  2001:db8::1
            @       MX    10 mx1.example.test.
            @       MX    20 mx2.example.test.
            @       TXT   "v=spf1 " "ip4:192.0.2.0/24 " "-all"
            @       TXT   "second record"
            mx1     A     192.0.2.25
            mx1     A     192.0.2.26
            alias   CNAME www
            chain   CNAME alias
            www     A     192.0.2.80
            loop1   CNAME loop2
            loop2   CNAME loop1
            latin   TXT   "caf\\233"
            utf8    TXT   "\\195\\169t\\195\\169"
            leaf.branch TXT "below an empty non-terminal"
            $ORIGIN 2.0.192.in-addr.arpa.
            25      PTR   mx1.example.test.
            $ORIGIN 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.
            @       PTR   example.test.
            """;

    abstract DnsResolver resolver();

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Test
    void answersA() {
        assertThat(resolver().a("mx1.example.test").valuesOrEmpty())
                .containsExactlyInAnyOrder(ip("192.0.2.25"), ip("192.0.2.26"));
    }

    @Test
    void answersAaaa() {
        assertThat(resolver().aaaa("example.test").valuesOrEmpty()).containsExactly(ip("2001:db8::1"));
    }

    @Test
    void answersMx() {
        assertThat(resolver().mx("example.test").valuesOrEmpty()).containsExactlyInAnyOrder(
                new MxRecord(10, "mx1.example.test"), new MxRecord(20, "mx2.example.test"));
    }

    @Test
    void joinsTheStringsOfEachTxtRecord() {
        assertThat(resolver().txt("example.test").valuesOrEmpty())
                .containsExactlyInAnyOrder("v=spf1 ip4:192.0.2.0/24 -all", "second record");
    }

    @Test
    void readsTxtBytesAsUtf8OrLatin1() {
        assertThat(resolver().txt("utf8.example.test").valuesOrEmpty()).containsExactly("\u00e9t\u00e9");
        assertThat(resolver().txt("latin.example.test").valuesOrEmpty()).containsExactly("caf\u00e9");
    }

    @Test
    void answersPtrForIpv4AndIpv6() {
        assertThat(resolver().ptr(ip("192.0.2.25")).valuesOrEmpty()).containsExactly("mx1.example.test");
        assertThat(resolver().ptr(ip("2001:db8::1")).valuesOrEmpty()).containsExactly("example.test");
    }

    @Test
    void givesNxDomainForUnknownName() {
        assertThat(resolver().a("nope.example.test")).isInstanceOf(DnsAnswer.NxDomain.class);
        assertThat(resolver().ptr(ip("192.0.2.99"))).isInstanceOf(DnsAnswer.NxDomain.class);
    }

    @Test
    void givesNoDataForNameWithoutThatType() {
        assertThat(resolver().txt("mx1.example.test")).isInstanceOf(DnsAnswer.NoData.class);
        assertThat(resolver().mx("www.example.test")).isInstanceOf(DnsAnswer.NoData.class);
    }

    @Test
    void givesNoDataForEmptyNonTerminal() {
        assertThat(resolver().a("branch.example.test")).isInstanceOf(DnsAnswer.NoData.class);
    }

    @Test
    void followsCnames() {
        assertThat(resolver().a("alias.example.test").valuesOrEmpty()).containsExactly(ip("192.0.2.80"));
        assertThat(resolver().a("chain.example.test").valuesOrEmpty()).containsExactly(ip("192.0.2.80"));
        assertThat(resolver().mx("alias.example.test")).isInstanceOf(DnsAnswer.NoData.class);
    }

    @Test
    void givesTempErrorForCnameLoop() {
        assertThat(resolver().a("loop1.example.test")).isInstanceOf(DnsAnswer.TempError.class);
    }

    @Test
    void ignoresCaseAndTrailingDot() {
        assertThat(resolver().a("WWW.Example.TEST.").valuesOrEmpty()).containsExactly(ip("192.0.2.80"));
    }

    @Test
    void givesNxDomainForNameThatCannotBeOnTheWire() {
        assertThat(resolver().a("a".repeat(64) + ".example.test")).isInstanceOf(DnsAnswer.NxDomain.class);
    }
}
