package org.supportgate.ticketing.reply;

import java.util.List;

/**
 * The facts of a new-ticket acknowledgement.
 *
 * @param recipientName the requester's display name (untrusted text), or null
 * @param subject the ticket's subject (untrusted text)
 * @param inReplyTo the Message-ID answered, bare, or null when the message had none
 * @param references the thread's Message-IDs, bare, oldest first
 */
public record Acknowledgement(String ticketNumber, String subject, String recipient, String recipientName,
        String inReplyTo, List<String> references) {

    public Acknowledgement {
        references = List.copyOf(references);
    }
}
