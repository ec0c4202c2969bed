package org.supportgate.auth.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationResultsHeaderTest {

    private enum SpfResult { NONE, NEUTRAL, PASS, FAIL, SOFTFAIL, TEMPERROR, PERMERROR }

    private enum DkimResult { NONE, PASS, FAIL, POLICY, NEUTRAL, TEMPERROR, PERMERROR }

    private static String value(MethodResult... results) {
        return AuthenticationResultsHeader.of("mx.supportgate.example", List.of(results)).value();
    }

    @Test
    void rendersNoneWithoutResults() {
        AuthenticationResultsHeader header = AuthenticationResultsHeader.of("mx.supportgate.example", List.of());
        assertThat(header.field()).isEqualTo("Authentication-Results: mx.supportgate.example; none");
        assertThat(header.withVersion(1).value()).isEqualTo("mx.supportgate.example 1; none");
    }

    @Test
    void rendersSpf() {
        assertThat(value(MethodResult.of("spf", SpfResult.SOFTFAIL,
                List.of(Property.smtp("mailfrom", "bounce@partner.example")))))
                .isEqualTo("mx.supportgate.example; spf=softfail smtp.mailfrom=bounce@partner.example");
    }

    @Test
    void rendersDkimWithQuotedSignatureFragment() {
        assertThat(value(MethodResult.of("dkim", DkimResult.PASS, List.of(
                Property.header("d", "partner.example"),
                Property.header("s", "sel2026"),
                Property.header("b", "ab+/9XyZ")))))
                .isEqualTo("mx.supportgate.example; dkim=pass header.d=partner.example header.s=sel2026"
                        + " header.b=\"ab+/9XyZ\"");
    }

    @Test
    void rendersDmarcArcAndIprevWithAReason() {
        assertThat(value(
                new MethodResult("dmarc", "FAIL", "p=reject from _dmarc.partner.example",
                        List.of(Property.header("from", "partner.example"))),
                new MethodResult("arc", "pass", List.of(Property.smtp("remote-ip", "192.0.2.1"))),
                new MethodResult("iprev", "temperror", List.of(Property.policy("iprev", "192.0.2.1")))))
                .isEqualTo("mx.supportgate.example; dmarc=fail reason=\"p=reject from _dmarc.partner.example\""
                        + " header.from=partner.example; arc=pass smtp.remote-ip=192.0.2.1;"
                        + " iprev=temperror policy.iprev=192.0.2.1");
    }

    @Test
    void quotesValuesWithSpacesSemicolonsAndQuotes() {
        assertThat(value(new MethodResult("spf", "pass", List.of(
                Property.smtp("mailfrom", "odd user;x@example.com")))))
                .endsWith("smtp.mailfrom=\"odd user;x@example.com\"");
        assertThat(value(new MethodResult("spf", "pass", List.of(
                Property.smtp("mailfrom", "\"quoted\\local\"@example.com")))))
                .endsWith("smtp.mailfrom=\"\\\"quoted\\\\local\\\"@example.com\"");
        assertThat(value(new MethodResult("spf", "none", List.of(Property.smtp("mailfrom", "")))))
                .endsWith("smtp.mailfrom=\"\"");
    }

    @Test
    void dropsLineBreaksSoAValueCannotInjectAField() {
        String rendered = AuthenticationResultsHeader.of("mx.supportgate.example", List.of(
                new MethodResult("spf", "pass", "a\r\nX-Evil: 1", List.of(
                        Property.smtp("mailfrom", "x@example.com\r\nX-Supportgate-Trust: high")))))
                .field();
        assertThat(rendered.split("\r\n")).allMatch(line -> line.startsWith("Authentication-Results:")
                || line.startsWith("\t"));
        assertThat(rendered).contains("\"x@example.comX-Supportgate-Trust: high\"");
    }

    @Test
    void boundsValueLength() {
        String rendered = value(new MethodResult("spf", "pass", List.of(
                Property.smtp("mailfrom", "a".repeat(5000) + "@example.com"))));
        assertThat(rendered.length()).isLessThan(400);
    }

    @Test
    void quotesAnAuthservIdThatIsNotAToken() {
        assertThat(AuthenticationResultsHeader.of("odd id", List.of()).value()).isEqualTo("\"odd id\"; none");
    }

    @Test
    void foldsEachResultOnItsOwnLineAndLongResultsBetweenProperties() {
        String field = AuthenticationResultsHeader.of("mx.supportgate.example", List.of(
                new MethodResult("spf", "pass", List.of(Property.smtp("mailfrom", "bounce@partner.example"))),
                new MethodResult("dkim", "pass", List.of(
                        Property.header("d", "a-rather-long-subdomain.of-a-partner-domain.example"),
                        Property.header("s", "selector-with-a-long-name-2026"),
                        Property.header("b", "abcdefgh"))))).field();
        assertThat(field).isEqualTo("""
                Authentication-Results: mx.supportgate.example;\r
                \tspf=pass smtp.mailfrom=bounce@partner.example;\r
                \tdkim=pass header.d=a-rather-long-subdomain.of-a-partner-domain.example\r
                \theader.s=selector-with-a-long-name-2026 header.b=abcdefgh""");
        for (String line : field.split("\r\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(AuthenticationResultsHeader.FOLD_WIDTH);
        }
        assertThat(AuthservId.of(field.substring(field.indexOf(':') + 1))).contains("mx.supportgate.example");
    }

    @Test
    void acceptsEnumNamesAsResultTokens() {
        assertThat(MethodResult.of("dkim", DkimResult.TEMPERROR, List.of()).resultToken()).isEqualTo("temperror");
        assertThat(new MethodResult("DMARC", "PASS", List.of()).method()).isEqualTo("dmarc");
    }

    @Test
    void refusesKeywordsThatAreNotKeywords() {
        assertThatThrownBy(() -> new MethodResult("sp f", "pass", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MethodResult("spf", "pass;x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Property("smtp", "mail.from", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
