package org.supportgate.auth.smime;

/**
 * The message claims S/MIME but its structure cannot be read. Thrown only inside this package
 * and always turned into a {@link SmimeStatus#MALFORMED} result by {@link SmimeVerifier}.
 */
final class MalformedSmime extends Exception {

    MalformedSmime(String reason) {
        // No stack trace: this is a verdict on input, raised for every bad message.
        super(reason, null, false, false);
    }
}
