package org.supportgate.auth.policy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Measures a classifier against a labelled corpus (JSON lines with id, subject, body, labels) and
 * prints precision, recall and F1 per category and for sensitive-vs-none.
 *
 * <p>Command line: {@code ClassifierReport <corpus.jsonl> <policy.yml> [all|even|odd|r%m] [--mistakes]}.
 * {@code even} and {@code odd} keep the requests whose id ends in an even or odd number, so rules
 * can be tuned on one half and checked on the other.
 */
public final class ClassifierReport {

    private ClassifierReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ClassifierReport <corpus.jsonl> <policy.yml> [all|even|odd|r%m] [--mistakes]");
            System.exit(2);
        }
        RequestClassifier classifier = RequestClassifier.fromYaml(Path.of(args[1]));
        List<String> options = List.of(args).subList(2, args.length);
        boolean mistakes = options.contains("--mistakes");
        Predicate<String> subset = subset(options.stream().filter(o -> !o.startsWith("--")).findFirst().orElse("all"));
        CorpusMetrics metrics = run(Path.of(args[0]), classifier, System.out, subset);
        if (mistakes) {
            printMistakes(metrics, System.out);
        }
    }

    /** Classifies every request in the corpus and prints the report. */
    public static CorpusMetrics run(Path corpus, RequestClassifier classifier, PrintStream out) throws IOException {
        return run(corpus, classifier, out, id -> true);
    }

    /** As {@link #run(Path, RequestClassifier, PrintStream)}, for the requests whose id passes. */
    public static CorpusMetrics run(Path corpus, RequestClassifier classifier, PrintStream out, Predicate<String> include)
            throws IOException {
        Map<Category, Counts> perCategory = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            perCategory.put(category, new Counts(0, 0, 0));
        }
        Counts sensitive = new Counts(0, 0, 0);
        int requests = 0;
        int exact = 0;
        List<CorpusMetrics.Mistake> mistakes = new ArrayList<>();
        for (LabelledRequest request : JsonLines.read(corpus)) {
            if (!include.test(request.id())) {
                continue;
            }
            requests++;
            Set<Category> expected = expected(request.labels());
            RequestCategories actual = classifier.classify(request.subject(), request.body());
            for (Category category : Category.values()) {
                perCategory.merge(category, new Counts(0, 0, 0),
                        (counts, unused) -> counts.plus(actual.categories().contains(category), expected.contains(category)));
            }
            sensitive = sensitive.plus(!actual.isNone(), !expected.isEmpty());
            if (actual.categories().equals(expected)) {
                exact++;
            } else {
                mistakes.add(new CorpusMetrics.Mistake(request.id(), expected, actual));
            }
        }
        CorpusMetrics metrics = new CorpusMetrics(requests, perCategory, sensitive, exact, mistakes);
        print(metrics, out);
        return metrics;
    }

    static Predicate<String> subset(String name) {
        return switch (name) {
            case "all" -> id -> true;
            case "even" -> id -> number(id) % 2 == 0;
            case "odd" -> id -> number(id) % 2 == 1;
            default -> remainder(name);
        };
    }

    /** "r%m": the requests whose id number leaves remainder r when divided by m. */
    private static Predicate<String> remainder(String name) {
        int percent = name.indexOf('%');
        if (percent < 1) {
            throw new IllegalArgumentException("subset must be all, even, odd or r%m: " + name);
        }
        int remainder = Integer.parseInt(name.substring(0, percent));
        int modulus = Integer.parseInt(name.substring(percent + 1));
        return id -> number(id) % modulus == remainder;
    }

    private static int number(String id) {
        int end = id.length();
        int start = end;
        while (start > 0 && Character.isDigit(id.charAt(start - 1))) {
            start--;
        }
        return start == end ? 0 : Integer.parseInt(id.substring(start, Math.min(end, start + 9)));
    }

    private static Set<Category> expected(List<String> labels) {
        Set<Category> expected = EnumSet.noneOf(Category.class);
        for (String label : labels) {
            if (!label.equals("none")) {
                expected.add(Category.ofId(label));
            }
        }
        return expected;
    }

    static void print(CorpusMetrics metrics, PrintStream out) {
        out.printf(Locale.ROOT, "%-22s %9s %9s %9s %7s %4s %4s %4s%n",
                "category", "precision", "recall", "f1", "support", "tp", "fp", "fn");
        metrics.perCategory().forEach((category, counts) -> row(out, category.id(), counts));
        row(out, "sensitive vs none", metrics.sensitive());
        out.printf(Locale.ROOT, "requests %d, exact category sets %d (%.3f)%n",
                metrics.requests(), metrics.exact(), metrics.requests() == 0 ? 1.0 : (double) metrics.exact() / metrics.requests());
    }

    private static void row(PrintStream out, String name, Counts counts) {
        out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %7d %4d %4d %4d%n", name, counts.precision(), counts.recall(),
                counts.f1(), counts.support(), counts.truePositives(), counts.falsePositives(), counts.falseNegatives());
    }

    static void printMistakes(CorpusMetrics metrics, PrintStream out) {
        for (CorpusMetrics.Mistake mistake : metrics.mistakes()) {
            out.printf(Locale.ROOT, "%s expected %s got %s%n", mistake.id(), ids(mistake.expected()),
                    ids(mistake.actual().categories()));
            for (Evidence evidence : mistake.actual().evidence()) {
                out.printf(Locale.ROOT, "    %s: \"%s\"%n", evidence.category().id(), evidence.excerpt());
            }
        }
    }

    private static String ids(Set<Category> categories) {
        if (categories.isEmpty()) {
            return "[none]";
        }
        List<String> ids = new ArrayList<>();
        categories.forEach(c -> ids.add(c.id()));
        return ids.toString();
    }
}
