package org.supportgate.ticketing.quarantine;

/**
 * Why the classifier put a request in a category: the category's policy id and the phrase of the
 * message that matched (the sender's text, bounded by the classifier).
 */
public record Trigger(String category, String phrase) {}
