package org.supportgate.auth.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LookalikeDomainsTest {

    private static final List<KnownPartnerDomain> PARTNERS = List.of(
            new KnownPartnerDomain("acme.example", "p-acme"),
            new KnownPartnerDomain("acme-it.example", "p-acme"),
            new KnownPartnerDomain("globex.example", "p-globex"),
            new KnownPartnerDomain("initech.co.uk", "p-initech"),
            new KnownPartnerDomain("ibm.example", "p-ibm"),
            new KnownPartnerDomain(IDN.toASCII("b\u00fccher.example"), "p-buecher"));

    private static List<String> found(String fromDomain) {
        return LookalikeDomains.find(fromDomain, PARTNERS, TrustPolicy.defaults()).lookalikes().stream()
                .map(l -> l.partner().domain() + " " + l.technique())
                .toList();
    }

    @ParameterizedTest
    @CsvSource({
        "acrne.example,              acme.example CONFUSABLE_SKELETON",
        "mail.acrne.example,         acme.example CONFUSABLE_SKELETON",
        "g1obex.example,             globex.example CONFUSABLE_SKELETON",
        "acme.example.evil.example,  acme.example EMBEDDED_DOMAIN",
        "acme.evil.example,          acme.example NAME_AS_LABEL",
        "acme.co,                    acme.example OTHER_SUFFIX",
        "initech.example,            initech.co.uk OTHER_SUFFIX",
        "it-acme.example,            acme-it.example SWAPPED_WORDS",
        "acmeit.example,             acme-it.example JOINED_OR_SPLIT_WORDS",
        "acme-support.example,       acme.example ADDED_WORDS",
        "support-acme.example,       acme.example ADDED_WORDS",
        "myacmesupport.example,      acme.example ADDED_WORDS",
        "acne.example,               acme.example EDIT_DISTANCE",
        "amce.example,               acme.example EDIT_DISTANCE",
        "glbex.example,              globex.example EDIT_DISTANCE",
        "gloobexx.example,           globex.example EDIT_DISTANCE",
        "bucher.example,             xn--bcher-kva.example EDIT_DISTANCE",
    })
    void recognisesEachTechnique(String fromDomain, String expected) {
        assertThat(found(fromDomain)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0430cme.example", "\u0430\u0441me.example", "glob\u0435x.example"})
    void recognisesIdnHomographs(String unicode) {
        assertThat(found(IDN.toASCII(unicode))).first().asString().endsWith("IDN_HOMOGRAPH");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "acme.example", "support.acme.example", "acme-it.example", "globex.example", "initech.co.uk",
        "zeta.example", "gmail.example", "example.org", "ibx.example", "ib.example", "bank.example",
        "acorn.example", "glossy.org", "nitech.example.org"
    })
    void leavesPartnerAndUnrelatedDomainsAlone(String fromDomain) {
        assertThat(found(fromDomain)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xn--zz.example", "xn--.example", "xn--acme-.example", "-.example", ".", ""})
    void comparesUndecodableNamesAsWritten(String fromDomain) {
        LookalikeDomains.Findings findings = LookalikeDomains.find(fromDomain, PARTNERS, TrustPolicy.defaults());
        assertThat(findings.incomplete()).isFalse();
    }
}
