package org.supportgate.ticketing.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEvents extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findBySubjectOrderByIdAsc(String subject);
}
