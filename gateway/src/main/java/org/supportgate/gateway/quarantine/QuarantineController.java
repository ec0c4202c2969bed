package org.supportgate.gateway.quarantine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.supportgate.ticketing.quarantine.DecisionOutcome;
import org.supportgate.ticketing.quarantine.Quarantine;
import org.supportgate.ticketing.quarantine.QuarantineItem;
import org.supportgate.ticketing.quarantine.QuarantineState;
import org.supportgate.ticketing.reply.ReplyDecision;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff review of the quarantine: list, look at one item with its evidence, release, reject. Who
 * decides is named in the body (the console, later, will take it from the staff login).
 */
@RestController
@RequestMapping("/api/quarantine")
class QuarantineController {

    static final int DEFAULT_PAGE = 50;

    private final Quarantine quarantine;
    private final JsonMapper json;

    QuarantineController(Quarantine quarantine, JsonMapper json) {
        this.quarantine = quarantine;
        this.json = json;
    }

    /** {@code {"staff": "...", "reason": "..."}} */
    record Release(String staff, String reason) {}

    /** {@code {"staff": "...", "reason": "...", "notify": true}} */
    record Reject(String staff, String reason, @JsonProperty("notify") Boolean noticeRequested) {}

    @GetMapping
    ResponseEntity<?> list(@RequestParam(required = false) String state, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String before) {
        Optional<QuarantineState> wanted = Optional.empty();
        if (state != null && !state.isBlank() && !state.equalsIgnoreCase("all")) {
            wanted = QuarantineState.parse(state);
            if (wanted.isEmpty()) {
                return error(HttpStatus.BAD_REQUEST, "invalid_state", "state is pending, released, rejected or all");
            }
        }
        Optional<Long> size = number(limit);
        Optional<Long> after = number(before);
        if ((limit != null && size.isEmpty()) || (before != null && after.isEmpty())) {
            return error(HttpStatus.BAD_REQUEST, "invalid_page", "limit and before are positive numbers");
        }
        int page = (int) Math.min(size.orElse((long) DEFAULT_PAGE), Quarantine.MAX_PAGE);
        List<QuarantineView.ListingView> items = quarantine.list(wanted, page, after).stream()
                .map(QuarantineView.ListingView::of).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        // The next page starts below the last id shown; absent when this page was not full.
        body.put("next", items.size() == page ? "/api/quarantine?" + (wanted.map(s -> "state=" + s.id() + "&").orElse(""))
                + "limit=" + page + "&before=" + items.getLast().id() : null);
        return ResponseEntity.ok(body);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> item(@PathVariable String id) {
        return number(id).flatMap(quarantine::item)
                .<ResponseEntity<?>>map(item -> ResponseEntity.ok(QuarantineView.of(item, json.readTree(item.authenticationJson()))))
                .orElseGet(() -> notFound(id));
    }

    @PostMapping("/{id}/release")
    ResponseEntity<?> release(@PathVariable String id, @RequestBody(required = false) Release body) {
        Optional<Long> item = number(id);
        if (item.isEmpty()) {
            return notFound(id);
        }
        if (body == null || blank(body.staff()) || blank(body.reason())) {
            return error(HttpStatus.BAD_REQUEST, "invalid_decision", "staff and reason are required");
        }
        return answer(quarantine.release(item.get(), body.staff(), body.reason()));
    }

    @PostMapping("/{id}/reject")
    ResponseEntity<?> reject(@PathVariable String id, @RequestBody(required = false) Reject body) {
        Optional<Long> item = number(id);
        if (item.isEmpty()) {
            return notFound(id);
        }
        if (body == null || blank(body.staff()) || blank(body.reason())) {
            return error(HttpStatus.BAD_REQUEST, "invalid_decision", "staff and reason are required");
        }
        return answer(quarantine.reject(item.get(), body.staff(), body.reason(), Boolean.TRUE.equals(body.noticeRequested())));
    }

    private ResponseEntity<?> answer(DecisionOutcome outcome) {
        return switch (outcome) {
            case DecisionOutcome.Released r -> ResponseEntity.ok(Map.of("id", r.id(), "state", "released",
                    "ticket", r.ticketNumber(), "releasedBy", r.releasedBy()));
            case DecisionOutcome.AwaitingSecondRelease a -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of(
                    "id", a.id(), "state", QuarantineState.PENDING.id(), "releasedBy", List.of(a.firstStaff()),
                    "message", "a sensitive request needs a second release by another staff member"));
            case DecisionOutcome.Rejected r -> ResponseEntity.ok(Map.of("id", r.id(), "state", "rejected",
                    "notices", r.notices().stream().map(n -> Map.of("recipient", n.recipient(), "state", switch (n.decision()) {
                        case ReplyDecision.Reply yes -> "queued";
                        case ReplyDecision.NoReply no -> "held: " + no.reason().name().toLowerCase(Locale.ROOT);
                    })).toList()));
            case DecisionOutcome.NotFound n -> notFound(Long.toString(n.id()));
            case DecisionOutcome.AlreadyDecided d -> error(HttpStatus.CONFLICT, "already_decided",
                    "Q-" + d.id() + " is " + d.state().id() + " already");
            case DecisionOutcome.SameStaffTwice s -> error(HttpStatus.CONFLICT, "same_staff",
                    s.staff() + " released Q-" + s.id() + " already; the second release must be another staff member's");
        };
    }

    /** A positive id or page number; anything else (letters, SQL, overflow) is none. */
    private static Optional<Long> number(String text) {
        if (text == null || text.isEmpty() || text.length() > 18) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        long value = Long.parseLong(text);
        return value > 0 ? Optional.of(value) : Optional.empty();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ResponseEntity<?> notFound(String id) {
        String shown = number(id).map(n -> "Q-" + n).orElse("(malformed)");
        return error(HttpStatus.NOT_FOUND, "not_found", "no quarantine item " + shown);
    }

    private static ResponseEntity<?> error(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", error, "message", message));
    }
}
