package org.supportgate.auth.spf;

/**
 * Stops an evaluation with permerror or temperror. Internal control flow only: callers of the
 * package get an {@link SpfVerdict}, never this exception.
 */
final class SpfAbort extends RuntimeException {

    private final SpfResult result;

    private SpfAbort(SpfResult result, String problem) {
        super(problem, null, false, false);
        this.result = result;
    }

    static SpfAbort permError(String problem) {
        return new SpfAbort(SpfResult.PERMERROR, problem);
    }

    static SpfAbort tempError(String problem) {
        return new SpfAbort(SpfResult.TEMPERROR, problem);
    }

    SpfResult result() {
        return result;
    }

    String problem() {
        return getMessage();
    }
}
