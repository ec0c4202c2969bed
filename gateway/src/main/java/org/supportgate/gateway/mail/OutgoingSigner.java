package org.supportgate.gateway.mail;

/**
 * Signs an outgoing message before it is stored in the outbox (DKIM, from auth.dkim). The default
 * bean signs nothing; a signer bean replaces it.
 */
public interface OutgoingSigner {

    /**
     * @param message the whole RFC 5322 message, CRLF line ends
     * @param fromDomain the domain of the From address, the one the signature must align with
     * @return the message with its signature header field(s) prepended, or unchanged
     */
    byte[] sign(byte[] message, String fromDomain);

    /** Leaves messages unsigned. */
    OutgoingSigner NONE = (message, fromDomain) -> message;
}
