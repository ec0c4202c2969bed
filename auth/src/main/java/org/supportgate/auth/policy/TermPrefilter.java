package org.supportgate.auth.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Tells, for a text, which of a list of terms cannot match it, so their patterns need not run.
 *
 * <p>Each term's {@link RequiredLiterals} say which literals any text it matches holds; one scan of
 * the text finds every term's literals at once. A term whose requirement is unknown always runs.
 * Immutable and thread-safe.
 */
final class TermPrefilter {

    /** Per term, in list order, the test on the literals found; null where unknown. */
    private final List<Predicate<boolean[]>> tests = new ArrayList<>();
    private final LiteralScanner scanner;

    TermPrefilter(List<Term> terms) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> literals = new ArrayList<>();
        for (Term term : terms) {
            Optional<Requirement> requirement = term.pattern().flags() == 0
                    ? RequiredLiterals.of(term.pattern().pattern()) : Optional.empty();
            List<String> named = new ArrayList<>();
            requirement.ifPresent(r -> r.collect(named));
            for (String literal : named) {
                ids.computeIfAbsent(literal, l -> {
                    literals.add(l);
                    return literals.size() - 1;
                });
            }
            tests.add(requirement.map(r -> compile(r, ids)).orElse(null));
        }
        scanner = new LiteralScanner(literals);
    }

    /** What one text holds. */
    Hits scan(String text) {
        return new Hits(scanner.scan(text));
    }

    /** The literals found in one text. */
    final class Hits {
        private final boolean[] present;

        private Hits(boolean[] present) {
            this.present = present;
        }

        /** False only when the term at {@code index} cannot match the text scanned. */
        boolean mayMatch(int index) {
            Predicate<boolean[]> test = tests.get(index);
            return test == null || test.test(present);
        }
    }

    private static Predicate<boolean[]> compile(Requirement requirement, Map<String, Integer> ids) {
        return switch (requirement) {
            case Requirement.Literal literal -> {
                int id = ids.get(literal.text());
                yield present -> present[id];
            }
            case Requirement.AllOf all -> {
                Predicate<boolean[]>[] parts = compileEach(all.parts(), ids);
                yield present -> {
                    for (Predicate<boolean[]> part : parts) {
                        if (!part.test(present)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            case Requirement.AnyOf any -> {
                Predicate<boolean[]>[] options = compileEach(any.options(), ids);
                yield present -> {
                    for (Predicate<boolean[]> option : options) {
                        if (option.test(present)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Predicate<boolean[]>[] compileEach(List<Requirement> requirements, Map<String, Integer> ids) {
        Predicate<boolean[]>[] compiled = new Predicate[requirements.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compile(requirements.get(i), ids);
        }
        return compiled;
    }
}
