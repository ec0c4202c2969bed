package org.supportgate.auth.policy;

import java.util.Objects;

/**
 * Why a category was assigned: the rule from {@code policy.yml} that matched and the text it
 * matched (normalised: lower case, accents removed). Shown to staff on the quarantine item.
 *
 * @param category the category the rule belongs to
 * @param rule the rule as written in the rules file
 * @param excerpt the matched text, at most {@value #MAX_EXCERPT} characters
 */
public record Evidence(Category category, String rule, String excerpt) {

    static final int MAX_EXCERPT = 120;

    public Evidence {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(excerpt, "excerpt");
        if (excerpt.length() > MAX_EXCERPT) {
            excerpt = excerpt.substring(0, MAX_EXCERPT);
        }
    }
}
