package org.supportgate.ticketing.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TicketMessageRepository extends JpaRepository<TicketMessage, Long> {

    Optional<TicketMessage> findByInboundMessageId(String inboundMessageId);

    List<TicketMessage> findByTicketIdOrderByCreatedAtAscIdAsc(long ticketId);
}
