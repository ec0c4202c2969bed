package org.supportgate.gateway.partners;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.supportgate.ticketing.partner.DirectoryConflictException;
import org.supportgate.ticketing.partner.ImportReport;
import org.supportgate.ticketing.partner.PartnerDirectory;

/** {@code GET /api/partners} and {@code POST /api/partners/import} (YAML body). */
@RestController
@RequestMapping("/api/partners")
class PartnerController {

    private final PartnerDirectory directory;

    PartnerController(PartnerDirectory directory) {
        this.directory = directory;
    }

    record ContactView(String email, String name, String role, boolean active, boolean certificatePinned) {}

    record PartnerView(String id, String name, boolean active, List<String> domains, List<ContactView> contacts) {}

    @GetMapping
    List<PartnerView> partners() {
        return directory.list().stream().map(listing -> new PartnerView(
                listing.partner().id(), listing.partner().name(), listing.partner().active(),
                listing.partner().domains().stream().sorted().toList(),
                listing.contacts().stream().map(c -> new ContactView(c.email(), c.displayName(), c.role().id(), c.active(),
                        c.smimeCertificate() != null)).toList())).toList();
    }

    @PostMapping("/import")
    ImportReport importDirectory(@RequestBody byte[] yaml) {
        return directory.importSnapshot(DirectoryFile.parse(new String(yaml, StandardCharsets.UTF_8)), "api");
    }

    @ExceptionHandler(InvalidDirectoryException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidDirectoryException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Map.of("error", "invalid_directory", "problems", e.problems()));
    }

    @ExceptionHandler(DirectoryConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(DirectoryConflictException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Map.of("error", "invalid_directory", "problems", List.of(e.getMessage())));
    }
}
