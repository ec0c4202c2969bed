package org.supportgate.auth.dkim;

/** The signer refuses a message that could not carry a valid signature (no From, several From). */
public final class UnsignableMessageException extends IllegalArgumentException {

    public UnsignableMessageException(String message) {
        super(message);
    }
}
