package org.supportgate.auth.spf;

import java.util.List;
import java.util.Optional;

/** A parsed, syntactically valid "v=spf1" record: its directives in order and its modifiers. */
record SpfRecord(List<Directive> directives, Optional<MacroString> redirect,
        Optional<MacroString> explanation) {

    SpfRecord {
        directives = List.copyOf(directives);
    }

    /** True if {@code text} is an SPF version 1 record (section 4.5): "v=spf1" then space or end. */
    static boolean isSpf1(String text) {
        return text.regionMatches(true, 0, "v=spf1", 0, 6)
                && (text.length() == 6 || text.charAt(6) == ' ');
    }
}
