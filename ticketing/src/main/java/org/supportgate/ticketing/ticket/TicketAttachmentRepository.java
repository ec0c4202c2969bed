package org.supportgate.ticketing.ticket;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketAttachmentRepository extends JpaRepository<TicketAttachment, Long> {

    /** The attachments' descriptions, without loading their bytes. */
    @Query("""
            SELECT new org.supportgate.ticketing.ticket.AttachmentInfo(
                       a.id, a.ticketMessageId, a.name, a.contentType, a.size, a.sha256)
              FROM TicketAttachment a WHERE a.ticketMessageId IN :messageIds ORDER BY a.id""")
    List<AttachmentInfo> describe(Collection<Long> messageIds);
}
