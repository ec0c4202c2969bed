package org.supportgate.auth.smime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void readsTypeSubtypeAndParametersAcrossFoldingQuotesAndComments() {
        ContentType ct = ContentType.parse(" Multipart/Signed; protocol=\"application/pkcs7-signature\";\r\n"
                + "\tmicalg=sha-256 (the digest); BOUNDARY=\"----=_Part \\\"1\\\"\";").orElseThrow();
        assertThat(ct.is("multipart/signed")).isTrue();
        assertThat(ct.parameter("protocol")).contains("application/pkcs7-signature");
        assertThat(ct.parameter("micalg")).contains("sha-256");
        assertThat(ct.parameter("boundary")).contains("----=_Part \"1\"");
    }

    @Test
    void findsNothingInValuesOutsideTheGrammar() {
        assertThat(ContentType.parse("text")).isEmpty();
        assertThat(ContentType.parse("text/plain; charset")).isEmpty();
        assertThat(ContentType.parse("text/plain; a=\"unclosed")).isEmpty();
        assertThat(ContentType.parse("multipart/mixed; boundary=a; boundary=b")).isEmpty();
        assertThat(ContentType.parse("text/plain junk")).isEmpty();
    }
}
