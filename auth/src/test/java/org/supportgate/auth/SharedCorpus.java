package org.supportgate.auth;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared labelled corpora, {@code ../shared/corpus/} beside the project root, and the
 * repository's {@code config/} folder. Tests run with the module folder as working directory, so
 * both searches walk up from there. {@code -Dsupportgate.corpus=/path} overrides the corpus search.
 */
public final class SharedCorpus {

    private SharedCorpus() {}

    public static Path root() {
        String override = System.getProperty("supportgate.corpus");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return findUpwards(Path.of("shared", "corpus"),
                "labelled corpus not found: expected ../shared/corpus beside the project root"
                        + " (or set -Dsupportgate.corpus)");
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }

    /** A file in the repository's {@code config/} folder. */
    public static Path config(String relative) {
        return findUpwards(Path.of("config"), "config/ not found above " + Path.of("").toAbsolutePath())
                .resolve(relative);
    }

    private static Path findUpwards(Path relative, String failure) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(failure);
    }
}
