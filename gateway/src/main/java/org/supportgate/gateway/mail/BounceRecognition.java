package org.supportgate.gateway.mail;

import org.supportgate.ticketing.outbox.BounceReport;

/** Whether an inbound message is a bounce to one of our messages. */
public sealed interface BounceRecognition {

    /** Not a delivery status notification: the message goes on through the intake. */
    record NotABounce() implements BounceRecognition {}

    /**
     * A delivery report: record it ({@code Bounces.record}), never make a ticket of it.
     *
     * @param how what gave it away: a multipart/report, or a null-sender message to a VERP address
     */
    record Bounce(BounceReport report, String how) implements BounceRecognition {}
}
