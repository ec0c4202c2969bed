package org.supportgate.auth.policy;

/**
 * A kind of sensitive request that email alone may not authorise (DESIGN.md, "The threat it exists
 * for"). Declared from most to least sensitive, so natural order is the order in which a
 * quarantine item lists them.
 */
public enum Category {
    ACCOUNT_ACCESS("account_access"),
    MAIL_ROUTING("mail_routing"),
    MAIL_REPORTS("mail_reports"),
    SENDER_LISTS("sender_lists"),
    SERVICE_CHANGE("service_change");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The policy id used in {@code config/} and in the labelled corpus. */
    public String id() {
        return id;
    }

    /** The category with this policy id; the id must be one of the five. */
    public static Category ofId(String id) {
        for (Category category : values()) {
            if (category.id.equals(id)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown request category: " + id);
    }
}
