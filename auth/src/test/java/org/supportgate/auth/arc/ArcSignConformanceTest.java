package org.supportgate.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportgate.auth.Conformance;
import org.supportgate.auth.dkim.Canonicalization;
import org.supportgate.auth.dkim.DkimLimits;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.dkim.SignedHeaders;
import org.supportgate.auth.dkim.TagList;
import org.supportgate.auth.dkim.UnsignableMessageException;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;
import org.yaml.snakeyaml.Yaml;

/**
 * The ValiMail ARC signing suite, read in place from ../shared/conformance/.
 *
 * <p>The suite's expected fields come from dkimpy, which writes tags in alphabetical order and h=
 * exactly as configured; our sealer writes its own tag order and signs From once more than it
 * appears, so its b= values cannot equal the suite's. What must agree, and is checked: the body
 * hash, the ARC-Authentication-Results, the instance and cv, that the set we add validates, and
 * that a chain already sealed cv=fail is refused.
 *
 * <p>The seal input is checked byte for byte against the seals inside the suite's passing input
 * chains (i1_base carries the i=1 set of the first scenario's messages, i2_base an i=2 set): our
 * input, signed with the suite's key, gives their b= exactly (RSA PKCS#1 v1.5 is deterministic).
 * The expected AS values of the cases themselves are not reproducible that way: the same i=1
 * fields appear with b=KalMXV... inside i1_base and b=Pg8Yyk... as message_body_eol_wsp's
 * expected AS, and only the first verifies over the RFC 8617 section 5.1.1 input with the
 * suite's public key, so those b= values are not compared.
 */
class ArcSignConformanceTest {

    private static final String SUITE = "arc/valimail-arc-test-suite/arc-draft-sign-tests.yml";

    record Case(String message, long t, List<String> sigHeaders, String srvId, String as, String ams, String aar,
            String domain, String selector, DkimSigningKey key, Map<String, String> txtRecords) {}

    @SuppressWarnings("unchecked")
    static Stream<Arguments> suite() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(Conformance.file(SUITE), StandardCharsets.UTF_8)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (!(document instanceof Map<?, ?> root) || !(root.get("tests") instanceof Map<?, ?> tests)) {
                    continue;
                }
                DkimSigningKey key = DkimSigningKey.fromPem((String) root.get("privatekey"));
                Map<String, String> records = (Map<String, String>) root.get("txt-records");
                for (Map.Entry<?, ?> test : tests.entrySet()) {
                    Map<String, Object> c = (Map<String, Object>) test.getValue();
                    if (c.get("message") == null) {
                        continue; // i0_base: a placeholder without a message
                    }
                    cases.add(Arguments.of(Named.of((String) test.getKey(), new Case((String) c.get("message"),
                            ((Number) c.get("t")).longValue(), List.of(((String) c.get("sig-headers")).split(":")),
                            (String) c.get("srv-id"), text(c.get("AS")), text(c.get("AMS")), text(c.get("AAR")),
                            (String) root.get("domain"), (String) root.get("sel"), key, records))));
                }
            }
        }
        return cases.stream();
    }

    private static String text(Object value) {
        return value == null ? "" : ((String) value).strip();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void valimailSignCase(Case c) throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(c.t()), ZoneOffset.UTC);
        StaticDnsResolver.Builder dnsBuilder = StaticDnsResolver.builder();
        c.txtRecords().forEach(dnsBuilder::txt);
        ArcValidator validator = new ArcValidator(dnsBuilder.build(), clock, DkimLimits.DEFAULT);
        RawMessage message = RawMessage.of(c.message().getBytes(StandardCharsets.UTF_8));
        ArcResult arrived = validator.validate(message);
        ArcSealer sealer = ArcSealer.builder(c.domain(), c.selector(), c.key()).clock(clock)
                .headers(c.sigHeaders()).build();

        if (c.as().isEmpty()) {
            assertThatThrownBy(() -> sealer.seal(message, c.srvId(), "arc=fail", arrived.cv()))
                    .isInstanceOf(UnsignableMessageException.class);
            return;
        }

        HeaderField expectedResults = field("ARC-Authentication-Results", c.aar());
        HeaderField expectedSignature = field("ARC-Message-Signature", c.ams());
        HeaderField expectedSeal = field("ARC-Seal", c.as());
        TagList expectedSealTags = TagList.parse(expectedSeal.value());
        String instancePrefix = "i=" + expectedSealTags.get("i").orElseThrow() + ";";
        String payload = c.aar().replace("\n", " ").strip();
        payload = payload.substring(payload.indexOf(c.srvId() + ";") + c.srvId().length() + 1).strip();

        RawMessage sealed = sealer.seal(message, c.srvId(), payload, arrived.cv());

        HeaderField seal = sealed.headers().get(0);
        HeaderField signature = sealed.headers().get(1);
        HeaderField results = sealed.headers().get(2);
        TagList sealTags = TagList.parse(seal.value());
        assertThat(sealTags.get("i")).isEqualTo(expectedSealTags.get("i"));
        assertThat(sealTags.get("cv")).isEqualTo(expectedSealTags.get("cv"));
        assertThat(results.value().strip()).startsWith(instancePrefix);
        assertThat(Canonicalization.RELAXED.header(results)).isEqualTo(Canonicalization.RELAXED.header(expectedResults));
        assertThat(TagList.parse(signature.value()).get("bh"))
                .isEqualTo(TagList.parse(expectedSignature.value()).get("bh"));

        if (arrived.cv() == ArcChainValidation.PASS) {
            sealInputReproducesEverySealOfTheArrivingChain(message, c.key());
        }

        ArcResult result = validator.validate(RawMessage.of(sealed.toBytes()));
        ArcChainValidation expected = expectedSealTags.get("cv").orElseThrow().equals("fail")
                ? ArcChainValidation.FAIL : ArcChainValidation.PASS;
        assertThat(result.cv()).as(result.reason()).isEqualTo(expected);
    }

    /** Each seal of a valid chain, re-signed over our seal input with the same key, is the same octets. */
    private static void sealInputReproducesEverySealOfTheArrivingChain(RawMessage message, DkimSigningKey key) {
        List<ArcSet> sets = ((ArcChainStructure.Reading.Sets) ArcChainStructure.read(message)).sets();
        for (ArcSet set : sets) {
            byte[] data = ArcSealer.sealData(sets.subList(0, set.instance() - 1), set.results(),
                    set.messageSignature(), SignedHeaders.withoutSignatureValue(set.seal()));
            assertThat(Base64.getEncoder().encodeToString(key.sign(data))).as("ARC-Seal i=" + set.instance())
                    .isEqualTo(removeWhitespace(set.sealTags().get("b").orElseThrow()));
        }
    }

    /** A field as the suite's YAML gives its value: lines joined by CRLF and a space, as folded. */
    private static HeaderField field(String name, String value) {
        return new HeaderField(name, name + ": " + String.join("\r\n ", Arrays.asList(value.split("\n"))));
    }

    private static String removeWhitespace(String s) {
        return s.replaceAll("\\s", "");
    }
}
