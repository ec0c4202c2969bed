package org.supportgate.auth.policy;

/** When a classification must end; checked between pattern runs, which RE2/J keeps short. */
record Deadline(long nanos) {

    static Deadline after(java.time.Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    void check() {
        if (System.nanoTime() - nanos > 0) {
            throw new Spent();
        }
    }

    /** Unwinds a classification whose time budget is spent; caught by the classifier, never leaves it. */
    static final class Spent extends RuntimeException {
        Spent() {
            super(null, null, false, false);
        }
    }
}
