package org.supportgate.auth.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells, for a sentence, which category terms cannot match it, so their patterns need not run.
 *
 * <p>Each term needs one of its {@link RequiredLiterals} in any text it matches; one scan of the
 * sentence finds every rule's literals at once. A term whose literals are not known always runs.
 */
final class TermPrefilter {

    /** Per category, per term in rule order, the ids of its literals; null where unknown. */
    private final Map<Category, int[][]> literalIds = new EnumMap<>(Category.class);
    private final LiteralScanner scanner;

    TermPrefilter(Map<Category, List<Term>> categories) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> literals = new ArrayList<>();
        categories.forEach((category, terms) -> {
            int[][] perTerm = new int[terms.size()][];
            for (int t = 0; t < terms.size(); t++) {
                List<String> required = RequiredLiterals.of(terms.get(t).pattern().pattern());
                if (required.isEmpty() || terms.get(t).pattern().flags() != 0) {
                    continue;
                }
                perTerm[t] = required.stream().mapToInt(literal -> ids.computeIfAbsent(literal, l -> {
                    literals.add(l);
                    return literals.size() - 1;
                })).toArray();
            }
            literalIds.put(category, perTerm);
        });
        scanner = new LiteralScanner(literals);
    }

    /** What one sentence holds. */
    Hits scan(String sentence) {
        return new Hits(scanner.scan(sentence));
    }

    /** The literals found in one sentence. */
    final class Hits {
        private final boolean[] present;

        private Hits(boolean[] present) {
            this.present = present;
        }

        /** False only when the category's term at {@code index} cannot match the sentence. */
        boolean mayMatch(Category category, int index) {
            int[][] perTerm = literalIds.get(category);
            if (perTerm == null || perTerm[index] == null) {
                return true;
            }
            for (int id : perTerm[index]) {
                if (present[id]) {
                    return true;
                }
            }
            return false;
        }
    }
}
