package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.SharedCorpus;

/** Runs the rules in {@code config/policy.yml} over the shared labelled corpus and checks the goals. */
class RequestClassifierCorpusTest {

    @Test
    void meetsRecallPrecisionAndF1GoalsOnDevCorpus() throws IOException {
        RequestClassifier classifier = RequestClassifier.fromYaml(SharedCorpus.config("policy.yml"));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8);

        CorpusMetrics metrics = ClassifierReport.run(SharedCorpus.file("requests-dev.jsonl"), classifier, out);
        ClassifierReport.printMistakes(metrics, out);
        System.out.println(report.toString(StandardCharsets.UTF_8));

        assertThat(metrics.requests()).isEqualTo(240);
        assertThat(metrics.sensitive().recall()).as("sensitive-vs-none recall").isGreaterThanOrEqualTo(0.97);
        assertThat(metrics.sensitive().precision()).as("sensitive-vs-none precision").isGreaterThanOrEqualTo(0.90);
        metrics.perCategory().forEach((category, counts) ->
                assertThat(counts.f1()).as(category.id() + " F1").isGreaterThanOrEqualTo(0.85));
    }
}
