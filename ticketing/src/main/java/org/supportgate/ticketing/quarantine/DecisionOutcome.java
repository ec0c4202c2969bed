package org.supportgate.ticketing.quarantine;

import java.util.List;

/** What a staff decision ({@link Quarantine#release}, {@link Quarantine#reject}) came to. */
public sealed interface DecisionOutcome {

    /** The item is released: its request opened or joined this ticket. */
    record Released(long id, String ticketNumber, List<String> releasedBy) implements DecisionOutcome {
        public Released {
            releasedBy = List.copyOf(releasedBy);
        }
    }

    /** A sensitive item's first release is recorded; another staff member must release it too. */
    record AwaitingSecondRelease(long id, String firstStaff) implements DecisionOutcome {}

    /** The item is rejected; {@code notices} are the refusal notices considered (none unless asked). */
    record Rejected(long id, List<QuarantineOutcome.Notice> notices) implements DecisionOutcome {
        public Rejected {
            notices = List.copyOf(notices);
        }
    }

    /** No item with this id. */
    record NotFound(long id) implements DecisionOutcome {}

    /** The item was released or rejected before; nothing changed. */
    record AlreadyDecided(long id, QuarantineState state) implements DecisionOutcome {}

    /** This staff member released the item already; the second release must be someone else's. */
    record SameStaffTwice(long id, String staff) implements DecisionOutcome {}
}
