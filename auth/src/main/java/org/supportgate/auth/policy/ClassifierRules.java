package org.supportgate.auth.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The classifier's rules as the operator wrote them in {@code config/policy.yml}: word lists and
 * patterns per category with weights, cue lists that say how a sentence is meant (request,
 * question, negation), and the markers that set quoted replies, signatures and disclaimers aside.
 *
 * <p>The file is operator configuration, trusted like the rest of {@code config/}; a missing key or a
 * pattern RE2/J cannot compile is refused when the file is loaded, naming the key.
 *
 * @param limits bounds on the text read and on the time spent
 * @param scoring how sentence kinds weigh matches and where the threshold lies
 * @param text markers for reply subjects, quote headers, sign-offs and disclaimers
 * @param cues cue lists by kind
 * @param targets patterns for concrete targets (IP addresses, host names, mail addresses)
 * @param yields per category, the categories whose match in a sentence cancels its own there
 * @param categories weighted terms per category
 */
public record ClassifierRules(
        Limits limits,
        Scoring scoring,
        TextMarkers text,
        Cues cues,
        CueList targets,
        Map<Category, Set<Category>> yields,
        Map<Category, List<Term>> categories) {

    public ClassifierRules {
        Map<Category, Set<Category>> yieldsCopy = new EnumMap<>(Category.class);
        yields.forEach((category, others) -> yieldsCopy.put(category,
                others.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(others))));
        yields = java.util.Collections.unmodifiableMap(yieldsCopy);
        Map<Category, List<Term>> copy = new EnumMap<>(Category.class);
        categories.forEach((category, terms) -> copy.put(category, List.copyOf(terms)));
        categories = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * @param maxChars characters read from the subject and from the body; the rest is ignored
     * @param timeBudget time for one classification; spent, the classifier stops and fails closed
     * @param approvalMaxChars a new text longer than this is never a bare approval of quoted text
     * @param maxSentences sentences read from a text; of a longer one, the first two thirds of this
     *     many and the last third
     */
    public record Limits(int maxChars, Duration timeBudget, int approvalMaxChars, int maxSentences) {}

    /**
     * @param threshold the score at which a category is assigned
     * @param request factor for a sentence that asks for something
     * @param statement factor for a plain statement
     * @param question factor for a question that is not a request
     * @param targetBonus added once per category when a counted sentence names a concrete target
     * @param askingWeight the least weight of a match in a sentence that asks for the category to count
     */
    public record Scoring(
            double threshold, double request, double statement, double question, double targetBonus, double askingWeight) {}

    /** Line markers used to find the new text of a message. */
    record TextMarkers(
            CueList replySubject,
            CueList quoteHeaders,
            CueList forwardedFrom,
            CueList forwardedSent,
            CueList signoffs,
            CueList disclaimers) {}

    /** Cue lists by what they say about a sentence or a message. */
    record Cues(
            CueList request,
            CueList imperative,
            CueList howTo,
            CueList wish,
            CueList negation,
            CueList noAction,
            CueList approval,
            CueList autoReplySubject,
            CueList autoReplyBody) {}

    /** The same rules with every cue run on every text: the reference the prefilter is tested against. */
    ClassifierRules unfiltered() {
        TextMarkers t = text;
        Cues c = cues;
        return new ClassifierRules(
                limits,
                scoring,
                new TextMarkers(t.replySubject().unfiltered(), t.quoteHeaders().unfiltered(),
                        t.forwardedFrom().unfiltered(), t.forwardedSent().unfiltered(),
                        t.signoffs().unfiltered(), t.disclaimers().unfiltered()),
                new Cues(c.request().unfiltered(), c.imperative().unfiltered(), c.howTo().unfiltered(),
                        c.wish().unfiltered(), c.negation().unfiltered(), c.noAction().unfiltered(),
                        c.approval().unfiltered(), c.autoReplySubject().unfiltered(), c.autoReplyBody().unfiltered()),
                targets.unfiltered(),
                yields,
                categories);
    }

    /** Reads and compiles a rules file. */
    public static ClassifierRules fromYaml(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Compiles rules from YAML text; {@code origin} names the source in error messages. */
    public static ClassifierRules parse(String yaml, String origin) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Object root = new Yaml(new SafeConstructor(options)).load(yaml);
        Node top = new Node(origin, root);

        Node limits = top.child("limits");
        Node scoring = top.child("scoring");
        Node text = top.child("text");
        Node cues = top.child("cues");
        Node categories = top.child("categories");

        Map<Category, List<Term>> terms = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            List<Term> list = new ArrayList<>();
            for (Node group : categories.child(category.id()).list()) {
                double weight = group.child("weight").number();
                Node entries = group.child("terms");
                for (String entry : entries.strings()) {
                    try {
                        list.add(Term.of(entry, weight));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(entries.path() + ": " + e.getMessage(), e);
                    }
                }
            }
            // Strongest first: text matched by a strong term is not counted again by a weaker one.
            list.sort(java.util.Comparator.comparingDouble(Term::weight).reversed());
            terms.put(category, list);
        }

        Map<Category, Set<Category>> yields = new EnumMap<>(Category.class);
        if (top.value instanceof Map<?, ?> map && map.containsKey("yields")) {
            Node node = top.child("yields");
            if (!(node.value instanceof Map<?, ?> entries)) {
                throw new IllegalArgumentException(node.path + ": expected a mapping");
            }
            for (Object key : entries.keySet()) {
                Set<Category> others = EnumSet.noneOf(Category.class);
                for (String other : node.child(String.valueOf(key)).strings()) {
                    others.add(Category.ofId(other));
                }
                yields.put(Category.ofId(String.valueOf(key)), others);
            }
        }

        return new ClassifierRules(
                new Limits(
                        (int) limits.child("max_chars").number(),
                        Duration.ofMillis((long) limits.child("time_budget_ms").number()),
                        (int) limits.child("approval_max_chars").number(),
                        (int) limits.child("max_sentences").number()),
                new Scoring(
                        scoring.child("threshold").number(),
                        scoring.child("request").number(),
                        scoring.child("statement").number(),
                        scoring.child("question").number(),
                        scoring.child("target_bonus").number(),
                        scoring.child("asking_weight").number()),
                new TextMarkers(
                        text.cueList("reply_subject"),
                        text.cueList("quote_headers"),
                        text.cueList("forwarded_from"),
                        text.cueList("forwarded_sent"),
                        text.cueList("signoffs"),
                        text.cueList("disclaimers")),
                new Cues(
                        cues.cueList("request"),
                        cues.cueList("imperative"),
                        cues.cueList("how_to"),
                        cues.cueList("wish"),
                        cues.cueList("negation"),
                        cues.cueList("no_action"),
                        cues.cueList("approval"),
                        cues.cueList("auto_reply_subject"),
                        cues.cueList("auto_reply_body")),
                top.cueList("targets"),
                yields,
                terms);
    }

    /** A position in the parsed YAML tree, so errors can name the key that is wrong. */
    private record Node(String path, Object value) {

        Node child(String key) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(path + ": expected a mapping");
            }
            Object child = map.get(key);
            if (child == null) {
                throw new IllegalArgumentException(path + ": missing key '" + key + "'");
            }
            return new Node(path + "." + key, child);
        }

        List<Node> list() {
            if (!(value instanceof List<?> items)) {
                throw new IllegalArgumentException(path + ": expected a list");
            }
            List<Node> nodes = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                nodes.add(new Node(path + "[" + i + "]", items.get(i)));
            }
            return nodes;
        }

        List<String> strings() {
            List<String> strings = new ArrayList<>();
            for (Node item : list()) {
                if (!(item.value instanceof String s)) {
                    throw new IllegalArgumentException(item.path + ": expected a string");
                }
                strings.add(s);
            }
            return strings;
        }

        double number() {
            if (!(value instanceof Number n)) {
                throw new IllegalArgumentException(path + ": expected a number");
            }
            return n.doubleValue();
        }

        CueList cueList(String key) {
            Node node = child(key);
            try {
                return CueList.of(key, node.strings());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(node.path + ": " + e.getMessage(), e);
            }
        }
    }
}
