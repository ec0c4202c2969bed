package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import java.time.Instant;
import java.util.List;

/** A ticket with its messages, oldest first, as staff and the API see it. */
public record TicketDetails(
        String number,
        String partnerId,
        String requester,
        String requesterName,
        String subject,
        TicketStatus status,
        TicketPriority priority,
        Assurance assurance,
        List<String> categories,
        Instant createdAt,
        Instant updatedAt,
        List<MessageDetails> messages) {

    public TicketDetails {
        categories = List.copyOf(categories);
        messages = List.copyOf(messages);
    }

    /**
     * One message of the ticket.
     *
     * @param inboundMessageId the spool id of an inbound message, null for outbound ones
     * @param delivery for outbound messages, the outbox row's state and last error; null for inbound
     * @param releasedBy for a message staff released from the quarantine, who did; else null
     * @param releaseReason and why; else null
     */
    public record MessageDetails(
            long id,
            TicketMessage.Direction direction,
            String inboundMessageId,
            String messageId,
            String sender,
            String senderName,
            String subject,
            String textBody,
            Assurance assurance,
            Instant createdAt,
            Delivery delivery,
            List<AttachmentInfo> attachments,
            String releasedBy,
            String releaseReason) {

        public MessageDetails {
            attachments = List.copyOf(attachments);
        }
    }

    /** Where an outgoing message stands with the relay. */
    public record Delivery(String state, int attempts, String lastError, String relayReply, Instant sentAt) {}
}
