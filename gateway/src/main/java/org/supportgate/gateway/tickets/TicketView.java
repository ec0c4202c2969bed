package org.supportgate.gateway.tickets;

import java.time.Instant;
import java.util.List;
import org.supportgate.ticketing.ticket.AttachmentInfo;
import org.supportgate.ticketing.ticket.TicketDetails;

/** {@code GET /api/tickets/{number}}: the ticket and its messages, enums as lower-case words. */
record TicketView(
        String number,
        String partnerId,
        String requester,
        String requesterName,
        String subject,
        String status,
        String priority,
        String assurance,
        List<String> categories,
        Instant createdAt,
        Instant updatedAt,
        List<MessageView> messages) {

    record MessageView(long id, String direction, String spoolId, String messageId, String sender, String senderName,
            String subject, String textBody, String assurance, Instant createdAt, TicketDetails.Delivery delivery,
            List<AttachmentView> attachments, String releasedBy, String releaseReason) {}

    record AttachmentView(long id, String name, String contentType, long size, String sha256) {}

    static TicketView of(TicketDetails d) {
        return new TicketView(d.number(), d.partnerId(), d.requester(), d.requesterName(), d.subject(),
                d.status().dbValue(), d.priority().dbValue(), d.assurance().id(), d.categories(), d.createdAt(),
                d.updatedAt(), d.messages().stream().map(TicketView::message).toList());
    }

    private static MessageView message(TicketDetails.MessageDetails m) {
        return new MessageView(m.id(), m.direction().name().toLowerCase(java.util.Locale.ROOT), m.inboundMessageId(),
                m.messageId(), m.sender(), m.senderName(), m.subject(), m.textBody(),
                m.assurance() == null ? null : m.assurance().id(), m.createdAt(), m.delivery(),
                m.attachments().stream().map(TicketView::attachment).toList(), m.releasedBy(), m.releaseReason());
    }

    private static AttachmentView attachment(AttachmentInfo a) {
        return new AttachmentView(a.id(), a.name(), a.contentType(), a.size(), a.sha256());
    }
}
