package org.supportgate.auth.spf;

import java.util.Optional;

/**
 * What one check_host() call decided, before any explanation is fetched: the result, the facts of
 * the record that decided it, and that record's exp= when the result is fail.
 */
record Outcome(SpfResult result, MacroFacts facts, Optional<MacroString> explanation) {

    static Outcome of(SpfResult result, MacroFacts facts) {
        return new Outcome(result, facts, Optional.empty());
    }
}
