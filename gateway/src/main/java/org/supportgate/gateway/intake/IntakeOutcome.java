package org.supportgate.gateway.intake;

/** How one run of the pipeline on a claimed message ended. */
sealed interface IntakeOutcome {

    /** The results are committed and the message is done. */
    record Done() implements IntakeOutcome {}

    /** A transient failure (DNS temporary error): try again later, nothing was decided. */
    record Deferred(String reason) implements IntakeOutcome {}

    /** Another worker took the message over after our lease ran out; nothing of ours was kept. */
    record ClaimLost() implements IntakeOutcome {}
}
