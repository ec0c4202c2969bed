package org.supportgate.auth.trust;

/**
 * The kinds of hijack and spoofing evidence. Every kind counts as a hijack signal: any one caps
 * the assurance of a sensitive request at {@link Assurance#NONE}.
 */
public enum SignalKind {
    /** Reply-To names an address outside the From domain's organisation. */
    REPLY_TO_OTHER_DOMAIN,
    /** Sender names an address outside the From domain's organisation. */
    SENDER_OTHER_DOMAIN,
    /** The From domain is not a partner domain but looks like one. */
    LOOKALIKE_DOMAIN,
    /** The display name (or an address written in it) belongs to a known contact at another address. */
    KNOWN_NAME_ON_OTHER_ADDRESS,
    /** The contact sends from a source network or DKIM key never seen for them, or has no history yet. */
    UNSEEN_INFRASTRUCTURE,
    /** The contact is registered but disabled. */
    DISABLED_CONTACT,
    /** More sensitive requests from this contact or partner in the window than the policy allows. */
    SENSITIVE_REQUEST_BURST,
    /** DMARC passed only through a DKIM signature whose l= leaves part of the body unsigned. */
    LENGTH_LIMITED_DKIM_ONLY,
    /** A valid S/MIME signature by a certificate other than the one pinned for the contact. */
    UNPINNED_SMIME_SIGNER,
    /** A check stopped at a limit before it saw all of its input, so it could not clear the message. */
    CHECK_INCOMPLETE
}
