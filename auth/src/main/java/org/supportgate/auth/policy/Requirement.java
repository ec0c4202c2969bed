package org.supportgate.auth.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Literals a text must hold, combined by "all of" and "any of" ({@link RequiredLiterals}). */
sealed interface Requirement {

    /** Whether a text holding exactly the literals {@code present} says meets this. */
    boolean heldBy(Predicate<String> present);

    /** Every literal named, each once or more. */
    void collect(List<String> literals);

    static Requirement allOf(List<Requirement> parts) {
        return parts.size() == 1 ? parts.get(0) : new AllOf(List.copyOf(parts));
    }

    static Requirement anyOf(List<Requirement> options) {
        return options.size() == 1 ? options.get(0) : new AnyOf(List.copyOf(options));
    }

    /** Text that occurs as it stands. */
    record Literal(String text) implements Requirement {
        public Literal {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
        }

        @Override
        public boolean heldBy(Predicate<String> present) {
            return present.test(text);
        }

        @Override
        public void collect(List<String> literals) {
            literals.add(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    record AllOf(List<Requirement> parts) implements Requirement {
        @Override
        public boolean heldBy(Predicate<String> present) {
            for (Requirement part : parts) {
                if (!part.heldBy(present)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void collect(List<String> literals) {
            parts.forEach(part -> part.collect(literals));
        }

        @Override
        public String toString() {
            return "all(" + String.join(", ", strings(parts)) + ")";
        }
    }

    record AnyOf(List<Requirement> options) implements Requirement {
        @Override
        public boolean heldBy(Predicate<String> present) {
            for (Requirement option : options) {
                if (option.heldBy(present)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void collect(List<String> literals) {
            options.forEach(option -> option.collect(literals));
        }

        @Override
        public String toString() {
            return "any(" + String.join("|", strings(options)) + ")";
        }
    }

    private static List<String> strings(List<Requirement> requirements) {
        List<String> strings = new ArrayList<>();
        requirements.forEach(requirement -> strings.add(requirement.toString()));
        return strings;
    }
}
