package org.supportgate.gateway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supportgate.auth.policy.ClassifierReport;
import org.supportgate.auth.policy.RequestCategories;
import org.supportgate.auth.policy.RequestClassifier;
import org.supportgate.gateway.intake.PolicyFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code classify [--policy FILE] FILE.jsonl}: one output line per input object with {@code id},
 * {@code subject} and {@code body}: {@code {"id": ..., "labels": [...]}} ({@code ["none"]} when
 * nothing sensitive is found). {@code classify-report [--policy FILE] [FILE.jsonl]} prints
 * precision and recall per category against labelled requests (default
 * {@code ../shared/corpus/requests-dev.jsonl}).
 */
public final class ClassifyCommand {

    private static final String DEFAULT_CORPUS = "../shared/corpus/requests-dev.jsonl";

    private ClassifyCommand() {}

    public static int classify(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse(args);
        if (arguments.problem() != null || arguments.file() == null) {
            err.println("classify: " + (arguments.problem() != null ? arguments.problem() : "give a FILE.jsonl"));
            err.println("usage: java -jar supportgate.jar classify [--policy config/policy.yml] FILE.jsonl");
            return 2;
        }
        RequestClassifier classifier = PolicyFile.load(arguments.policy()).classifier();
        JsonMapper json = JsonMapper.builder().build();
        int lineNumber = 0;
        int bad = 0;
        try (BufferedReader lines = Files.newBufferedReader(arguments.file(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode request;
                try {
                    request = json.readTree(line);
                } catch (JacksonException e) {
                    err.println("classify: line " + lineNumber + ": not JSON, skipped");
                    bad++;
                    continue;
                }
                if (!request.isObject()) {
                    err.println("classify: line " + lineNumber + ": not a JSON object, skipped");
                    bad++;
                    continue;
                }
                RequestCategories categories = classifier.classify(request.path("subject").asString(""),
                        request.path("body").asString(""));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", request.get("id"));
                List<String> labels = new ArrayList<>();
                categories.categories().stream().sorted().forEach(c -> labels.add(c.id()));
                result.put("labels", labels.isEmpty() ? List.of("none") : labels);
                out.println(json.writeValueAsString(result));
            }
        } catch (IOException e) {
            err.println("classify: cannot read " + arguments.file() + ": " + e.getMessage());
            return 1;
        }
        return bad == 0 ? 0 : 1;
    }

    public static int report(List<String> args, PrintStream out, PrintStream err) {
        Arguments arguments = Arguments.parse(args);
        if (arguments.problem() != null) {
            err.println("classify-report: " + arguments.problem());
            err.println("usage: java -jar supportgate.jar classify-report [--policy config/policy.yml] [FILE.jsonl]");
            return 2;
        }
        Path corpus = arguments.file() != null ? arguments.file() : Path.of(DEFAULT_CORPUS);
        if (!Files.isRegularFile(corpus)) {
            err.println("classify-report: no labelled requests at " + corpus);
            return 1;
        }
        try {
            ClassifierReport.run(corpus, PolicyFile.load(arguments.policy()).classifier(), out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("classify-report: " + e.getMessage());
            return 1;
        }
    }

    private record Arguments(Path policy, Path file, String problem) {

        static Arguments parse(List<String> args) {
            Path policy = Path.of("config", "policy.yml");
            Path file = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--policy")) {
                    if (i + 1 >= args.size()) {
                        return new Arguments(policy, file, "--policy needs a file");
                    }
                    policy = Path.of(args.get(++i));
                } else if (arg.startsWith("--")) {
                    return new Arguments(policy, file, "unknown option " + arg);
                } else if (file != null) {
                    return new Arguments(policy, file, "give one file");
                } else {
                    file = Path.of(arg);
                }
            }
            return new Arguments(policy, file, null);
        }
    }
}
