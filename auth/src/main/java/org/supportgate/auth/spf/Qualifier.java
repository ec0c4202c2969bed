package org.supportgate.auth.spf;

/** The result a directive gives when its mechanism matches (RFC 7208 section 4.6.2). */
enum Qualifier {
    PASS(SpfResult.PASS),
    FAIL(SpfResult.FAIL),
    SOFTFAIL(SpfResult.SOFTFAIL),
    NEUTRAL(SpfResult.NEUTRAL);

    private final SpfResult result;

    Qualifier(SpfResult result) {
        this.result = result;
    }

    SpfResult result() {
        return result;
    }
}
