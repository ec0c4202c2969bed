package org.supportgate.ticketing.partner;

/** The snapshot claims one domain or address for two partners; nothing was written. */
public class DirectoryConflictException extends RuntimeException {

    public DirectoryConflictException(String message) {
        super(message);
    }
}
