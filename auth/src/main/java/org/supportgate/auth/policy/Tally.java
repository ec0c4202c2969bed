package org.supportgate.auth.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scores and evidence gathered for one message; each term counts once, at its best sentence. */
final class Tally {
    private final double threshold;
    private final String prefix;
    private final Map<Category, Map<Term, Evidence>> evidence = new EnumMap<>(Category.class);
    private final Map<Category, Map<Term, Double>> best = new EnumMap<>(Category.class);
    private final Map<Category, Double> bonus = new EnumMap<>(Category.class);
    private final Set<Category> asked = EnumSet.noneOf(Category.class);

    Tally(double threshold, String prefix) {
        this.threshold = threshold;
        this.prefix = prefix;
    }

    /**
     * @param asked whether the match was in a sentence that asks, or is decisive alone; a
     *     category needs one such match, so statements alone ("the log export button gives an
     *     error") never add up to a request
     */
    void add(Category category, Term term, String excerpt, double score, boolean asked) {
        if (asked) {
            this.asked.add(category);
        }
        Map<Term, Double> scores = best.computeIfAbsent(category, c -> new LinkedHashMap<>());
        if (score > scores.getOrDefault(term, 0.0)) {
            scores.put(term, score);
            evidence.computeIfAbsent(category, c -> new LinkedHashMap<>())
                    .put(term, new Evidence(category, term.source(), prefix + excerpt));
        }
    }

    void bonus(Category category, double score) {
        bonus.merge(category, score, Math::max);
    }

    double score(Category category) {
        double sum = bonus.getOrDefault(category, 0.0);
        for (double s : best.getOrDefault(category, Map.of()).values()) {
            sum += s;
        }
        return sum;
    }

    Set<Category> assigned() {
        Set<Category> assigned = EnumSet.noneOf(Category.class);
        for (Category category : best.keySet()) {
            if (asked.contains(category) && score(category) >= threshold - 1e-9) {
                assigned.add(category);
            }
        }
        return assigned;
    }

    RequestCategories result() {
        Set<Category> assigned = assigned();
        List<Evidence> list = new ArrayList<>();
        for (Category category : assigned) {
            Map<Term, Double> scores = best.get(category);
            evidence.get(category).entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<Term, Evidence> e) -> -scores.get(e.getKey())))
                    .forEach(e -> list.add(e.getValue()));
        }
        return new RequestCategories(assigned, list);
    }
}
