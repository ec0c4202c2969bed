package org.supportgate.ticketing.quarantine;

/**
 * Who may hear that a request was refused: only an address we can trust (the design's Replies
 * section). The intake picks it from what authentication proved, never from {@code From:} alone.
 */
public sealed interface NoticeAudience {

    /** The sender authenticated (DMARC aligned): the notice goes back to this address. */
    record Sender(String address) implements NoticeAudience {}

    /**
     * The From address claims this partner's domain but failed authentication: the partner's
     * active admin contacts hear of the attempt, the forged address hears nothing.
     */
    record PartnerAdmins(String partnerId) implements NoticeAudience {}

    /** An unknown, unauthenticated sender: no notice at all (no backscatter). */
    record Nobody() implements NoticeAudience {}
}
