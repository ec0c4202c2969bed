package org.supportgate.auth.dmarc;

/** The {@code adkim} and {@code aspf} modes of RFC 9989 section 4.7; relaxed is the default. */
enum AlignmentMode {
    /** Same Organizational Domain (section 3.2, Relaxed Alignment). */
    RELAXED,
    /** Identical domains (section 3.2, Strict Alignment). */
    STRICT
}
