package org.supportgate.auth;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared conformance data: {@code ../shared/conformance/} beside the project root.
 * Tests run with the module folder as working directory, so the search walks up from there.
 * {@code -Dsupportgate.conformance=/path} overrides the search.
 */
public final class Conformance {

    private Conformance() {}

    public static Path root() {
        String override = System.getProperty("supportgate.conformance");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("conformance");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "conformance data not found: expected ../shared/conformance beside the project root"
                        + " (or set -Dsupportgate.conformance)");
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }
}
