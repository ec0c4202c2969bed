package org.supportgate.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportgate.auth.Conformance;
import org.supportgate.auth.ConformanceVector;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.supportgate.auth.message.RawMessage;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The ValiMail ARC validation suite, every case, read in place from ../shared/conformance/.
 *
 * <p>The YAML is read as a node tree rather than maps because the suite repeats some case names
 * within one scenario (as_fields_b_head_case and three others); a map would silently keep only the
 * last of each, and every case is to run. Repeats get a "#2" suffix.
 *
 * <p>Three cases (cv_fail_i1_as_cv_fail, cv_fail_i2_as2_fail, cv_fail_i2_as1_fail) give an empty
 * cv. Each carries a seal that itself says cv=fail; RFC 8617 section 5.2 makes such a chain fail,
 * so an empty expectation is checked as FAIL.
 */
class ArcConformanceTest {

    private static final String SUITE = "arc/valimail-arc-test-suite/arc-draft-validation-tests.yml";

    record Case(String message, Map<String, String> txtRecords, ArcChainValidation expected) {}

    static Stream<Arguments> suite() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(Conformance.file(SUITE), StandardCharsets.UTF_8)) {
            int scenario = 0;
            for (Node document : new Yaml().composeAll(reader)) {
                if (!(document instanceof MappingNode root)) {
                    continue;
                }
                scenario++;
                Map<String, String> records = new HashMap<>();
                Node tests = null;
                for (NodeTuple t : root.getValue()) {
                    switch (scalar(t.getKeyNode())) {
                        case "txt-records" -> ((MappingNode) t.getValueNode()).getValue()
                                .forEach(r -> records.put(scalar(r.getKeyNode()), scalar(r.getValueNode())));
                        case "tests" -> tests = t.getValueNode();
                        default -> { }
                    }
                }
                Map<String, Integer> seen = new HashMap<>();
                for (NodeTuple test : ((MappingNode) tests).getValue()) {
                    String name = scalar(test.getKeyNode());
                    int count = seen.merge(name, 1, Integer::sum);
                    String message = "";
                    String cv = "";
                    for (NodeTuple field : ((MappingNode) test.getValueNode()).getValue()) {
                        switch (scalar(field.getKeyNode())) {
                            case "message" -> message = scalar(field.getValueNode());
                            case "cv" -> cv = scalar(field.getValueNode()).strip();
                            default -> { }
                        }
                    }
                    String label = "scenario " + scenario + " " + name + (count > 1 ? " #" + count : "");
                    cases.add(Arguments.of(Named.of(label, new Case(message, records, expected(cv)))));
                }
            }
        }
        return cases.stream();
    }

    private static ArcChainValidation expected(String cv) {
        return switch (cv) {
            case "None" -> ArcChainValidation.NONE;
            case "Pass" -> ArcChainValidation.PASS;
            case "Fail", "" -> ArcChainValidation.FAIL;
            default -> throw new IllegalArgumentException("unknown cv in the suite: " + cv);
        };
    }

    private static String scalar(Node node) {
        return ((ScalarNode) node).getValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void valimailValidationCase(Case c) {
        StaticDnsResolver.Builder dns = StaticDnsResolver.builder();
        c.txtRecords().forEach(dns::txt);
        ArcResult result = new ArcValidator(dns.build())
                .validate(RawMessage.of(c.message().getBytes(StandardCharsets.UTF_8)));
        assertThat(result.cv()).as(result.reason()).isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "arc/mail-auth/{0} validates as pass")
    @ValueSource(strings = {"001.txt", "002.txt"})
    void mailAuthChainPasses(String file) {
        ConformanceVector vector = ConformanceVector.read("arc/mail-auth/" + file);
        ArcResult result = new ArcValidator(vector.dns()).validate(RawMessage.of(vector.message()));
        assertThat(result.cv()).as(result.reason()).isEqualTo(ArcChainValidation.PASS);
        assertThat(result.instances()).isPositive();
        assertThat(result.arcAuthenticationResults()).hasSize(result.instances());
    }
}
