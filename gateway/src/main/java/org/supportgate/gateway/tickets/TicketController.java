package org.supportgate.gateway.tickets;

import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportgate.ticketing.ticket.TicketNumbers;
import org.supportgate.ticketing.ticket.Tickets;

/** Tickets by number, with their messages; attachments by id, always as downloads. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private final Tickets tickets;

    TicketController(Tickets tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/{number}")
    ResponseEntity<?> ticket(@PathVariable String number) {
        return tickets.details(number).<ResponseEntity<?>>map(d -> ResponseEntity.ok(TicketView.of(d)))
                .orElseGet(() -> notFound(number));
    }

    @GetMapping("/{number}/attachments/{id}")
    ResponseEntity<?> attachment(@PathVariable String number, @PathVariable long id) {
        return tickets.attachment(number, id).<ResponseEntity<?>>map(a -> ResponseEntity.ok()
                // Never rendered by the browser: the bytes are the sender's.
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Declared-Content-Type", printable(a.contentType()))
                .header("X-Content-SHA256", a.sha256())
                .body(a.content()))
                .orElseGet(() -> notFound(number));
    }

    /** Printable ASCII only: the declared type is the sender's text and goes into a header. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static ResponseEntity<?> notFound(String number) {
        String shown = TicketNumbers.isWellFormed(number) ? number : "(malformed)";
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "not_found", "message", "no ticket " + shown));
    }
}
