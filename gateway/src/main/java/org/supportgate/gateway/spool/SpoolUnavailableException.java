package org.supportgate.gateway.spool;

/** The spool could not make a message durable; the sender must try again later (451). */
public class SpoolUnavailableException extends Exception {

    public SpoolUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
