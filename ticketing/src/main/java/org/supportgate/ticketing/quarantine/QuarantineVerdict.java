package org.supportgate.ticketing.quarantine;

import java.util.List;

/**
 * The {@code verdict} of {@code GET /api/messages/{id}} for a held message:
 * {@code {"kind": "quarantine", "quarantineId": 42, "categories": [...], "reasons": [...],
 * "assurance": "email", "requiredAssurance": "support_code"}}.
 */
public record QuarantineVerdict(String kind, long quarantineId, List<String> categories, List<String> reasons,
        String assurance, String requiredAssurance) {

    public QuarantineVerdict {
        categories = List.copyOf(categories);
        reasons = List.copyOf(reasons);
    }

    public static QuarantineVerdict of(QuarantineOutcome outcome) {
        return new QuarantineVerdict("quarantine", outcome.quarantineId(), outcome.categories(), outcome.reasons(),
                outcome.assurance().id(), outcome.requiredAssurance().id());
    }
}
