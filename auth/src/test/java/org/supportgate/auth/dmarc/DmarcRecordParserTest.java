package org.supportgate.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmarcRecordParserTest {

    private static DmarcRecord parsed(String txt) {
        return DmarcRecordParser.parse(txt).orElseThrow();
    }

    @Test
    void readsEveryPolicyTag() {
        DmarcRecord r = parsed("v=DMARC1; p=reject; sp=quarantine; np=none; adkim=s; aspf=s; psd=n; t=y;"
                + " rua=mailto:agg@example.com; ruf=mailto:f@example.com; fo=1");
        assertThat(r.p()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(r.sp()).contains(DmarcPolicy.QUARANTINE);
        assertThat(r.np()).contains(DmarcPolicy.NONE);
        assertThat(r.adkim()).isEqualTo(AlignmentMode.STRICT);
        assertThat(r.aspf()).isEqualTo(AlignmentMode.STRICT);
        assertThat(r.psd()).isEqualTo(PsdFlag.NO);
        assertThat(r.testing()).isTrue();
        assertThat(r.use()).isEqualTo(DmarcRecord.Use.AS_PUBLISHED);
    }

    @Test
    void appliesDefaultsWhenOnlyVersionIsGiven() {
        DmarcRecord r = parsed("v=DMARC1");
        assertThat(r.p()).isEqualTo(DmarcPolicy.NONE);
        assertThat(r.sp()).isEmpty();
        assertThat(r.np()).isEmpty();
        assertThat(r.adkim()).isEqualTo(AlignmentMode.RELAXED);
        assertThat(r.aspf()).isEqualTo(AlignmentMode.RELAXED);
        assertThat(r.psd()).isEqualTo(PsdFlag.UNKNOWN);
        assertThat(r.testing()).isFalse();
    }

    @Test
    void toleratesWhitespaceAroundSeparatorsAndCaseOfTagsAndPolicyValues() {
        DmarcRecord r = parsed("v = DMARC1 ;P = Reject ;\tsp=QUARANTINE ; ");
        assertThat(r.p()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(r.sp()).contains(DmarcPolicy.QUARANTINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "p=reject; v=DMARC1",          // v not first
        "v=dmarc1; p=reject",          // value is case-sensitive
        "v=DMARC2; p=reject",
        "v=DMARC1x; p=reject",
        " v=DMARC1; p=reject",         // nothing may precede the version tag
        "v=spf1 -all",
        ""
    })
    void discardsTextThatIsNotADmarcRecord(String txt) {
        assertThat(DmarcRecordParser.isDmarcRecord(txt)).isFalse();
        assertThat(DmarcRecordParser.parse(txt)).isEmpty();
    }

    @Test
    void ignoresUnknownTagsAndRuaRufFo() {
        DmarcRecord r = parsed("v=DMARC1; p=quarantine; pct=0; ri=86400; future=1; ruf=nonsense; fo=zz");
        assertThat(r.p()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(r.testing()).as("pct is gone in RFC 9989; only t=y means testing").isFalse();
        assertThat(r.use()).isEqualTo(DmarcRecord.Use.AS_PUBLISHED);
    }

    @Test
    void invalidPolicyWithValidRuaActsAsPNone() {
        DmarcRecord r = parsed("v=DMARC1; p=block; sp=reject; rua=mailto:dmarc@example.com");
        assertThat(r.use()).isEqualTo(DmarcRecord.Use.AS_P_NONE);
        assertThat(r.p()).isEqualTo(DmarcPolicy.NONE);
        assertThat(r.sp()).isEmpty();
    }

    @Test
    void invalidPolicyWithoutValidRuaIsNotApplicable() {
        assertThat(parsed("v=DMARC1; p=block").use()).isEqualTo(DmarcRecord.Use.NOT_APPLICABLE);
        assertThat(parsed("v=DMARC1; p=reject; sp=maybe; rua=not a uri").use())
                .isEqualTo(DmarcRecord.Use.NOT_APPLICABLE);
        assertThat(parsed("v=DMARC1; p=reject; np=").use()).isEqualTo(DmarcRecord.Use.NOT_APPLICABLE);
    }

    @Test
    void invalidOptionalTagsFallBackToDefaults() {
        DmarcRecord r = parsed("v=DMARC1; p=reject; adkim=x; aspf=; psd=maybe; t=perhaps");
        assertThat(r.adkim()).isEqualTo(AlignmentMode.RELAXED);
        assertThat(r.aspf()).isEqualTo(AlignmentMode.RELAXED);
        assertThat(r.psd()).isEqualTo(PsdFlag.UNKNOWN);
        assertThat(r.testing()).isFalse();
        assertThat(r.p()).isEqualTo(DmarcPolicy.REJECT);
    }

    @Test
    void firstOccurrenceOfARepeatedTagStands() {
        assertThat(parsed("v=DMARC1; p=reject; p=none").p()).isEqualTo(DmarcPolicy.REJECT);
    }

    @Test
    void refusesOversizedText() {
        String huge = "v=DMARC1; p=reject; x=" + "a".repeat(DmarcRecordParser.MAX_RECORD);
        assertThat(DmarcRecordParser.parse(huge)).isEqualTo(Optional.empty());
    }

    @Test
    void survivesGarbageAfterTheVersion() {
        DmarcRecord r = parsed("v=DMARC1;;;=;==;p=reject;\u0000=\u00ff;x=caf\u00e9;");
        assertThat(r.p()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(r.use()).isEqualTo(DmarcRecord.Use.AS_PUBLISHED);
        assertThat(parsed("v=DMARC1; p=reject; sp=caf\u00e9").use()).isEqualTo(DmarcRecord.Use.NOT_APPLICABLE);
    }
}
