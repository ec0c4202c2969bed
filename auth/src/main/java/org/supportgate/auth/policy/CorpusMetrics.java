package org.supportgate.auth.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the classifier did on a labelled corpus.
 *
 * @param requests how many requests were classified
 * @param perCategory counts per category
 * @param sensitive counts for "any category" against "none"
 * @param exact requests whose whole category set was right
 * @param mistakes the requests whose category set was wrong
 */
public record CorpusMetrics(
        int requests, Map<Category, Counts> perCategory, Counts sensitive, int exact, List<Mistake> mistakes) {

    public CorpusMetrics {
        perCategory = Collections.unmodifiableMap(new EnumMap<>(perCategory));
        mistakes = List.copyOf(mistakes);
    }

    /** A request the classifier got wrong, with what it said and why. */
    public record Mistake(String id, Set<Category> expected, RequestCategories actual) {}

    /** The lowest F1 over the categories. */
    public double worstF1() {
        return perCategory.values().stream().mapToDouble(Counts::f1).min().orElse(1.0);
    }
}
