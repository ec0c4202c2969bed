package org.supportgate.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.MessageParse;
import org.supportgate.auth.message.RawMessage;

/**
 * Hostile signatures and hostile DNS: each gets the verdict RFC 6376 names, in bounded time,
 * and nothing escapes {@link DkimVerifier#verify} as an exception.
 */
class DkimBadInputTest {

    /** Far above what any of these takes, far below what a hang would. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final int HUNDRED_KB = 100 * 1024;

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final String KEY_NAME = "sel._domainkey.example.com";
    private static final String RSA_RECORD = "v=DKIM1; k=rsa; p="
            + Base64.getEncoder().encodeToString(TestKeys.RSA_2048.getPublic().getEncoded());
    private static final String BASE = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel";
    private static final List<String> SIGNED = List.of("from", "to", "subject");

    private static final RawMessage MESSAGE = RawMessage.of("""
            From: Alice <alice@example.com>
            To: support@supportgate.example
            Subject: Invoice 2291

            Please find the invoice attached.
            """);

    private static DkimSignatureResult verifyWithin(DnsResolver dns, RawMessage message) {
        List<DkimSignatureResult> results =
                assertTimeoutPreemptively(BOUND, () -> new DkimVerifier(dns, CLOCK).verify(message));
        assertThat(results).hasSize(1);
        return results.getFirst();
    }

    private static DkimSignatureResult verifyWithin(RawMessage message) {
        return verifyWithin(StaticDnsResolver.builder().txt(KEY_NAME, RSA_RECORD).build(), message);
    }

    private static RawMessage withSignatureField(String value) {
        return MESSAGE.prepend(new HeaderField("DKIM-Signature", "DKIM-Signature: " + value));
    }

    private static String longDomain(int octets) {
        StringBuilder name = new StringBuilder();
        while (name.length() < octets - 4) {
            name.append("a".repeat(Math.min(60, octets - 5 - name.length()))).append('.');
        }
        return name.append("com").toString();
    }

    @Test
    void duplicateTagsInTheSignatureArePermerror() {
        DkimSignatureResult r = verifyWithin(withSignatureField(BASE + "; d=example.org; h=from; bh=AAAA; b=AAAA"));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("duplicate tag d=");
    }

    @Test
    void duplicateTagsInTheKeyRecordArePermerror() {
        StaticDnsResolver dns = StaticDnsResolver.builder().txt(KEY_NAME, RSA_RECORD + "; k=rsa").build();
        DkimSignatureResult r = verifyWithin(dns, Forger.signRsa(MESSAGE, BASE, SIGNED));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("duplicate tag k=");
    }

    @Test
    void base64GarbageInTheSignatureValueIsPermerror() {
        RawMessage signed = Forger.signRsa(MESSAGE, BASE, SIGNED);
        String field = signed.headers().getFirst().raw();
        RawMessage garbled = MESSAGE.prepend(new HeaderField("DKIM-Signature",
                field.substring(0, field.lastIndexOf("b=") + 2) + "%%%%not*base64!!"));
        DkimSignatureResult r = verifyWithin(garbled);
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("b= is not valid base64");
    }

    @Test
    void base64GarbageInTheKeyIsPermerror() {
        StaticDnsResolver dns = StaticDnsResolver.builder().txt(KEY_NAME, "v=DKIM1; k=rsa; p=MIIB@@@@====AAAA").build();
        DkimSignatureResult r = verifyWithin(dns, Forger.signRsa(MESSAGE, BASE, SIGNED));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("p= is not valid base64");
    }

    @Test
    void aHundredKilobyteSignatureFieldIsRefusedWhenTheMessageIsRead() {
        String field = "DKIM-Signature: " + BASE + "; h=from; bh=AAAA; b=" + "A".repeat(HUNDRED_KB) + "\r\n";
        byte[] raw = (field + "From: alice@example.com\r\n\r\nbody\r\n").getBytes(StandardCharsets.ISO_8859_1);

        MessageParse parse = assertTimeoutPreemptively(BOUND, () -> RawMessage.parse(raw));

        assertThat(parse).isInstanceOfSatisfying(MessageParse.Rejected.class,
                rejected -> assertThat(rejected.bound()).isEqualTo(MessageParse.Bound.FIELD_OCTETS));
    }

    @Test
    void aHundredKilobyteSignatureValueThatIsNoSignatureFails() {
        // Well-formed tags and the right body hash, so the check runs to the end: b= decodes, but
        // 75 KB is no RSA-2048 signature. RFC 6376 section 6.1.3: the signature did not verify.
        RawMessage signed = Forger.signRsa(MESSAGE, BASE, SIGNED);
        String field = signed.headers().getFirst().raw();
        String huge = field.substring(0, field.lastIndexOf("b=") + 2) + "QUJD".repeat(HUNDRED_KB / 4);
        DkimSignatureResult r = verifyWithin(MESSAGE.prepend(new HeaderField("DKIM-Signature", huge)));
        assertThat(huge.length()).isGreaterThan(HUNDRED_KB);
        assertThat(r.result()).isEqualTo(DkimResult.FAIL);
        assertThat(r.reason()).isEqualTo("signature did not verify");
    }

    @Test
    void aHundredKilobyteSignatureFieldThatIsTrulySignedStillPasses() {
        // z= (copied header fields) may be long; a signer that covers it makes a valid signature.
        String z = "From:alice@example.com|Subject:" + "x".repeat(HUNDRED_KB);
        DkimSignatureResult r = verifyWithin(Forger.signRsa(MESSAGE, BASE + "; z=" + z, SIGNED));
        assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS);
    }

    @Test
    void aHundredKilobyteFieldOfNoiseIsPermerror() {
        DkimSignatureResult r = verifyWithin(withSignatureField("=;".repeat(HUNDRED_KB / 2)));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        DkimSignatureResult tags = verifyWithin(withSignatureField("v=1; " + "x=1; y=2; ".repeat(HUNDRED_KB / 10)));
        assertThat(tags.result()).isEqualTo(DkimResult.PERMERROR);
    }

    @Test
    void aSigningDomainOver253OctetsIsPermerrorWithoutAQuery() {
        String domain = longDomain(260);
        assertThat(domain.length()).isGreaterThan(253);
        DkimSignatureResult r = verifyWithin(StaticDnsResolver.builder().timeout(KEY_NAME).build(),
                withSignatureField("v=1; a=rsa-sha256; d=" + domain + "; s=sel; h=from; bh=AAAA; b=AAAA"));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("d= is not a domain name");
    }

    @Test
    void aKeyNameOver253OctetsIsPermerror() {
        // d= alone is a valid name, but selector._domainkey.d= is longer than DNS allows: no record.
        String domain = longDomain(250);
        RawMessage signed = Forger.signRsa(MESSAGE, "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain
                + "; s=sel", SIGNED);
        DkimSignatureResult r = verifyWithin(StaticDnsResolver.builder().build(), signed);
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("no key record");
    }

    @Test
    void fiveThousandKeyRecordsWithNoUsableOneArePermerror() {
        StaticDnsResolver.Builder dns = StaticDnsResolver.builder();
        for (int i = 0; i < 5_000; i++) {
            dns.txt(KEY_NAME, "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(("junk " + i).getBytes(StandardCharsets.US_ASCII)));
        }
        DkimSignatureResult r = verifyWithin(dns.build(), Forger.signRsa(MESSAGE, BASE, SIGNED));
        assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(r.reason()).contains("not an RSA public key");
    }

    @Test
    void fiveThousandKeyRecordsWithTheKeyAmongThemPass() {
        // RFC 6376 section 6.1.2: with several records the verifier may pick one or try each.
        StaticDnsResolver.Builder dns = StaticDnsResolver.builder();
        for (int i = 0; i < 4_999; i++) {
            dns.txt(KEY_NAME, "site-verification=" + i);
        }
        dns.txt(KEY_NAME, RSA_RECORD);
        DkimSignatureResult r = verifyWithin(dns.build(), Forger.signRsa(MESSAGE, BASE, SIGNED));
        assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS);
    }
}
