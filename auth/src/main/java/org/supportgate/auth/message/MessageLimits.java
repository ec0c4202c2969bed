package org.supportgate.auth.message;

/**
 * Bounds on the header section of a message. The defaults are generous: real mail with long
 * Received chains and several signatures stays far below them.
 *
 * @param maxHeaderFields      how many header fields a message may have
 * @param maxFieldOctets       how long one header field may be, folding included
 * @param maxHeaderOctets      how long the whole header section may be
 */
public record MessageLimits(int maxHeaderFields, int maxFieldOctets, int maxHeaderOctets) {

    public static final MessageLimits DEFAULT = new MessageLimits(1_000, 64 * 1024, 1024 * 1024);

    public MessageLimits {
        if (maxHeaderFields < 1 || maxFieldOctets < 1 || maxHeaderOctets < 1) {
            throw new IllegalArgumentException("message limits must be positive");
        }
    }
}
