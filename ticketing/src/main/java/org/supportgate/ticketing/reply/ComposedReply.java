package org.supportgate.ticketing.reply;

/**
 * An outgoing message, ready for the outbox.
 *
 * @param messageId its Message-ID, bare (no angle brackets)
 * @param fromAddress the address in its From field
 * @param subject its subject, as sent (before encoding)
 * @param envelopeFrom the reverse-path for the relay ({@code ""} for the null sender)
 * @param verpToken the token inside {@code envelopeFrom} that a bounce comes back to, or null
 * @param raw the whole RFC 5322 message, CRLF line ends, signed when signing is configured
 * @param textBody the text part, kept with the ticket's messages
 */
public record ComposedReply(String messageId, String fromAddress, String subject, String envelopeFrom, String verpToken, byte[] raw,
        String textBody) {

    public ComposedReply {
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }
}
