package org.supportgate.ticketing.audit;

import java.util.List;
import org.springframework.stereotype.Component;

/** Records audit events in the caller's transaction. */
@Component
public class AuditLog {

    private final AuditEvents events;

    AuditLog(AuditEvents events) {
        this.events = events;
    }

    public void record(String actor, String action, String subject, String details) {
        events.save(new AuditEvent(actor, action, subject, details));
    }

    public List<AuditEvent> about(String subject) {
        return events.findBySubjectOrderByIdAsc(subject);
    }

    public long count() {
        return events.count();
    }
}
