package org.supportgate.ticketing.partner;

import java.util.List;

/** What an import changed; an import of an unchanged directory reports no changes. */
public record ImportReport(int partners, int contacts, List<String> changes) {

    public ImportReport {
        changes = List.copyOf(changes);
    }

    public boolean unchanged() {
        return changes.isEmpty();
    }
}
