package org.supportgate.ticketing.quarantine;

/**
 * One trust signal recorded as evidence, e.g. {@code reply_to_other_domain} with its detail.
 *
 * @param kind the signal's id (lower case)
 * @param detail what raised it, for staff; never sent to the sender
 */
public record Signal(String kind, String detail) {}
