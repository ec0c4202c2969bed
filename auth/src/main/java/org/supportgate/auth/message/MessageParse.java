package org.supportgate.auth.message;

/** The outcome of {@link RawMessage#parse}: a message, or the bound it broke. */
public sealed interface MessageParse {

    /** The message was read within its bounds. */
    record Parsed(RawMessage message) implements MessageParse {}

    /** The message broke a bound; nothing of it should be trusted or hashed. */
    record Rejected(Bound bound, String reason) implements MessageParse {}

    /** Which of {@link MessageLimits} was exceeded. */
    enum Bound { HEADER_FIELDS, FIELD_OCTETS, HEADER_OCTETS }
}
