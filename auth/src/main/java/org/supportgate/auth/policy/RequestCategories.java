package org.supportgate.auth.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The sensitive categories a request falls in, with the evidence for each. An empty set means the
 * request is none of them (an ordinary ticket). Evidence is ordered from the most to the least
 * sensitive category.
 */
public record RequestCategories(Set<Category> categories, List<Evidence> evidence) {

    public RequestCategories {
        categories = categories.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Category.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(categories));
        evidence = List.copyOf(evidence);
    }

    /** Not a sensitive request. */
    public static RequestCategories none() {
        return new RequestCategories(Set.of(), List.of());
    }

    public boolean isNone() {
        return categories.isEmpty();
    }

    /** The most sensitive category, if any; categories iterate in sensitivity order. */
    public java.util.Optional<Category> mostSensitive() {
        return categories.stream().findFirst();
    }
}
