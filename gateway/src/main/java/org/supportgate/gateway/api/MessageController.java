package org.supportgate.gateway.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportgate.gateway.authentication.AuthenticationStore;
import org.supportgate.gateway.intake.MessageSummary;
import org.supportgate.gateway.spool.QueueId;
import org.supportgate.gateway.spool.SpoolStore;
import org.supportgate.gateway.spool.SpooledMessage;
import tools.jackson.databind.json.JsonMapper;

/** Spooled messages by queue id (the id in the {@code 250 ... queued as <id>} reply). */
@RestController
@RequestMapping("/api/messages")
class MessageController {

    private static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

    private final SpoolStore spool;
    private final AuthenticationStore authentications;
    private final JsonMapper json;

    MessageController(SpoolStore spool, AuthenticationStore authentications, JsonMapper json) {
        this.spool = spool;
        this.authentications = authentications;
        this.json = json;
    }

    @GetMapping("/{id}")
    ResponseEntity<?> message(@PathVariable String id) {
        if (!QueueId.isWellFormed(id)) {
            return notFound(id);
        }
        return spool.find(id).<ResponseEntity<?>>map(m -> ResponseEntity.ok(view(m))).orElseGet(() -> notFound(id));
    }

    @GetMapping("/{id}/raw")
    ResponseEntity<?> raw(@PathVariable String id) {
        if (!QueueId.isWellFormed(id)) {
            return notFound(id);
        }
        return spool.export(id).<ResponseEntity<?>>map(export -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(export.raw().length + 512);
            out.writeBytes(export.traceHeader().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(export.raw());
            return ResponseEntity.ok().contentType(RFC822).body(out.toByteArray());
        }).orElseGet(() -> notFound(id));
    }

    private MessageView view(SpooledMessage m) {
        MessageSummary summary = m.summaryJson() == null ? null : json.readValue(m.summaryJson(), MessageSummary.class);
        return new MessageView(m.id(), m.state().dbValue(), m.attempts(), m.lastError(), m.nextAttemptAt(),
                m.processedAt(), m.envelope(), m.size(), m.sha256(), summary, authentications.find(m.id()).orElse(null),
                m.verdictJson() == null ? null : json.readTree(m.verdictJson()));
    }

    private static ResponseEntity<?> notFound(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "not_found", "message", "no message with id " + id.substring(0, Math.min(id.length(), 64))));
    }
}
