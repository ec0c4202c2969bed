package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportgate.auth.SharedCorpus;

/**
 * Requests written for this test in all six languages and phrased unlike the shared corpus
 * ({@code policy/probes.tsv}): a check that the rules hold vocabulary, not memorised texts.
 */
class RequestClassifierProbeTest {

    private static RequestClassifier classifier;

    @BeforeAll
    static void loadRules() throws IOException {
        classifier = RequestClassifier.fromYaml(SharedCorpus.config("policy.yml"));
    }

    record Probe(Set<Category> expected, String subject, String body) {
        @Override
        public String toString() {
            return expected + " " + subject;
        }
    }

    static Stream<Probe> probes() throws IOException {
        List<Probe> probes = new ArrayList<>();
        try (InputStream in = RequestClassifierProbeTest.class.getResourceAsStream("/policy/probes.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 3);
                Set<Category> expected = EnumSet.noneOf(Category.class);
                for (String label : fields[0].split(",")) {
                    if (!label.equals("none")) {
                        expected.add(Category.ofId(label));
                    }
                }
                probes.add(new Probe(expected, fields[1], fields[2].replace("\\n", "\n")));
            }
        }
        return probes.stream();
    }

    @ParameterizedTest
    @MethodSource("probes")
    void classifiesProbe(Probe probe) {
        RequestCategories result = classifier.classify(probe.subject(), probe.body());

        assertThat(result.categories()).as("%s, evidence %s", probe.body(), result.evidence())
                .isEqualTo(probe.expected());
    }
}
