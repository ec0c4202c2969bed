package org.supportgate.gateway.mail;

/** What the relay did with one message. */
sealed interface SendOutcome {

    /** Accepted (2xx after the final dot); {@code reply} is the relay's text. */
    record Delivered(String reply) implements SendOutcome {}

    /** Not now: a 4xx reply, or the relay could not be reached or dropped us. Try again later. */
    record Deferred(String reason) implements SendOutcome {}

    /** Refused for good: a 5xx reply. */
    record Rejected(String reply) implements SendOutcome {}
}
