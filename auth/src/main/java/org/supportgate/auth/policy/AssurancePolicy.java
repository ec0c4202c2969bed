package org.supportgate.auth.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.supportgate.auth.trust.Assurance;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The assurance each request category needs ({@code required_assurance} in config/policy.yml).
 * Defaults, from DESIGN.md: mail_routing and account_access need SUPPORT_CODE, the others SIGNED.
 */
public final class AssurancePolicy {

    private final Map<Category, Assurance> required;

    private AssurancePolicy(Map<Category, Assurance> required) {
        this.required = required;
    }

    public static AssurancePolicy defaults() {
        Map<Category, Assurance> required = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            required.put(category, switch (category) {
                case MAIL_ROUTING, ACCOUNT_ACCESS -> Assurance.SUPPORT_CODE;
                case SERVICE_CHANGE, SENDER_LISTS, MAIL_REPORTS -> Assurance.SIGNED;
            });
        }
        return new AssurancePolicy(required);
    }

    /**
     * Reads {@code required_assurance} from the policy file's text; categories it leaves out keep
     * their defaults.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static AssurancePolicy parse(String yaml) {
        Map<Category, Assurance> required = new EnumMap<>(defaults().required);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("policy file is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> top) || top.get("required_assurance") == null) {
            return new AssurancePolicy(required);
        }
        if (!(top.get("required_assurance") instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException("required_assurance must map categories to levels");
        }
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            Category category;
            Assurance level;
            try {
                category = Category.ofId(String.valueOf(entry.getKey()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("required_assurance: unknown category " + entry.getKey(), e);
            }
            try {
                level = Assurance.parse(String.valueOf(entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("required_assurance." + entry.getKey() + ": unknown level "
                        + entry.getValue() + " (none, email, signed, support_code, console)", e);
            }
            required.put(category, level);
        }
        return new AssurancePolicy(required);
    }

    public Assurance required(Category category) {
        return required.get(category);
    }

    /** The most demanding level among the categories; NONE for a request with none. */
    public Assurance required(Set<Category> categories) {
        Assurance most = Assurance.NONE;
        for (Category category : categories) {
            if (!most.meets(required(category))) {
                most = required(category);
            }
        }
        return most;
    }
}
