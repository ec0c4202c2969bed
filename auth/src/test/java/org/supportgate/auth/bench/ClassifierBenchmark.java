package org.supportgate.auth.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.supportgate.auth.SharedCorpus;
import org.supportgate.auth.policy.Category;
import org.supportgate.auth.policy.RequestCategories;
import org.supportgate.auth.policy.RequestClassifier;

/**
 * The intake classifier with the rules in {@code config/policy.yml}: a short routing request, and
 * a 10 KiB body of ordinary prose that asks for nothing sensitive, where every sentence is read.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ClassifierBenchmark {

    private static final String SHORT_SUBJECT = "Change of mail server";
    private static final String SHORT_BODY = """
            Hello,

            we are moving our mail to a new provider this weekend. Please route all mail for
            partner.example to 198.51.100.25 from Saturday 08:00 UTC on, and let us know once
            the change is live so we can test it.

            Thanks,
            Alice
            """;

    private static final String[] PROSE = {
        "Our team met on Tuesday to go over the results of the last quarter and the plans for the next one.",
        "Most of the discussion was about the new warehouse in the north, which opens in the spring.",
        "The building is larger than the old one, and the loading docks face the main road now.",
        "We expect deliveries to run faster once the drivers know the new layout.",
        "Some of the staff will move from the old site, and we are hiring a few more people as well.",
        "The canteen will serve lunch from noon, and there is a small garden behind the offices.",
        "Last year we had trouble with the heating in winter, so the new site has a better system.",
        "Several customers asked about the opening date, and we told them it would be in April.",
        "The sales figures were a little lower than hoped, mostly because of the long summer holidays.",
        "In the autumn things picked up again, and December was our best month in three years.",
        "We are also planning a small party for the opening, with food from a local bakery.",
        "If the weather is good we will hold it outside, otherwise in the big hall near the entrance.",
    };

    private RequestClassifier classifier;
    private String proseBody;

    @Setup
    public void setUp() throws IOException {
        classifier = RequestClassifier.fromYaml(SharedCorpus.config("policy.yml"));
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 10 * 1024; i++) {
            body.append(PROSE[i % PROSE.length]).append(i % 4 == 3 ? "\n\n" : " ");
        }
        proseBody = body.toString();
        if (SHORT_BODY.length() < 200 || !classifier.classify(SHORT_SUBJECT, SHORT_BODY).categories().contains(Category.MAIL_ROUTING)) {
            throw new IllegalStateException("short request is not a routing request: "
                    + classifier.classify(SHORT_SUBJECT, SHORT_BODY));
        }
    }

    @Benchmark
    public RequestCategories shortRequest() {
        return classifier.classify(SHORT_SUBJECT, SHORT_BODY);
    }

    @Benchmark
    public RequestCategories proseBody() {
        return classifier.classify("Notes from the quarterly meeting", proseBody);
    }
}
