package org.supportgate.gateway.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reply templates: plain text, and optionally HTML, with {@code {{name}}} placeholders. Read from
 * the operator's templates directory, else from the copies built into the jar, once at start.
 */
final class Templates {

    /** A template and its optional HTML twin. */
    record Template(String text, Optional<String> html) {}

    private Templates() {}

    static Template load(Path dir, String name) {
        String text = read(dir, name + ".txt").orElseThrow(() ->
                new IllegalStateException("no template " + name + ".txt in " + dir + " nor built in"));
        return new Template(text, read(dir, name + ".html"));
    }

    private static Optional<String> read(Path dir, String file) {
        try {
            Path path = dir.resolve(file);
            if (Files.isRegularFile(path)) {
                return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
            }
            try (InputStream builtIn = Templates.class.getResourceAsStream("/templates/" + file)) {
                return builtIn == null ? Optional.empty()
                        : Optional.of(new String(builtIn.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        }
    }

    /** Replaces each {@code {{key}}} with its value; unknown placeholders stay as they are. One pass. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            int close = open < 0 ? -1 : template.indexOf("}}", open + 2);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String key = template.substring(open + 2, close).strip();
            String value = values.get(key);
            out.append(template, i, open).append(value == null ? template.substring(open, close + 2) : value);
            i = close + 2;
        }
        return out.toString();
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
