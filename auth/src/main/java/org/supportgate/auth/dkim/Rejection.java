package org.supportgate.auth.dkim;

/** Ends a signature check early with its verdict. Caught in {@link SignatureCheck}; never leaves the package. */
final class Rejection extends Exception {

    final DkimResult result;

    Rejection(DkimResult result, String reason) {
        super(reason, null, false, false);
        this.result = result;
    }

    static Rejection permerror(String reason) {
        return new Rejection(DkimResult.PERMERROR, reason);
    }

    static Rejection fail(String reason) {
        return new Rejection(DkimResult.FAIL, reason);
    }
}
