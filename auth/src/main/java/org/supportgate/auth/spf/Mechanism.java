package org.supportgate.auth.spf;

import java.util.Optional;

/** The eight mechanisms of RFC 7208 section 5, as parsed from a record. */
sealed interface Mechanism {

    /** True for the terms that count against the DNS lookup limit (section 4.6.4). */
    default boolean queriesDns() {
        return switch (this) {
            case All a -> false;
            case Ip i -> false;
            case Include i -> true;
            case A a -> true;
            case Mx m -> true;
            case Ptr p -> true;
            case Exists e -> true;
        };
    }

    record All() implements Mechanism {}

    record Include(MacroString domain) implements Mechanism {}

    /** {@code domain} empty means the current domain. */
    record A(Optional<MacroString> domain, int cidr4, int cidr6) implements Mechanism {}

    record Mx(Optional<MacroString> domain, int cidr4, int cidr6) implements Mechanism {}

    record Ptr(Optional<MacroString> domain) implements Mechanism {}

    record Ip(Network network) implements Mechanism {}

    record Exists(MacroString domain) implements Mechanism {}
}
