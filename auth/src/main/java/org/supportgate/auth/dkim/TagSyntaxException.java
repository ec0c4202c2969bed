package org.supportgate.auth.dkim;

/** A tag list (RFC 6376 section 3.2) that does not parse, or lacks a tag or value it needs. */
public final class TagSyntaxException extends Exception {

    public TagSyntaxException(String message) {
        super(message, null, false, false);
    }
}
