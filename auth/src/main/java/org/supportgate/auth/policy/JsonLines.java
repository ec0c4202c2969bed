package org.supportgate.auth.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the labelled corpus: one JSON object per line whose values are strings or arrays of
 * strings. This is all the corpus needs, so auth carries no JSON library for it; anything else
 * (numbers, nesting, trailing text) is refused with the line number.
 */
final class JsonLines {

    private final String text;
    private int pos;

    private JsonLines(String text) {
        this.text = text;
    }

    static List<LabelledRequest> read(Path file) throws IOException {
        List<LabelledRequest> requests = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                Map<String, Object> object = parseObject(line);
                requests.add(new LabelledRequest(
                        string(object, "id"), string(object, "subject"), string(object, "body"),
                        strings(object, "labels"), object.containsKey("note") ? string(object, "note") : ""));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return requests;
    }

    /** Parses one object of string and string-array values. */
    static Map<String, Object> parseObject(String line) {
        JsonLines parser = new JsonLines(line);
        Map<String, Object> object = parser.object();
        parser.skipSpace();
        if (parser.pos != line.length()) {
            throw parser.error("text after the object");
        }
        return object;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> object = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return object;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object value = peek() == '[' ? array() : string();
            if (object.put(key, value) != null) {
                throw error("duplicate key " + key);
            }
            skipSpace();
            char c = next();
            if (c == '}') {
                return object;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private List<String> array() {
        expect('[');
        List<String> items = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return items;
        }
        while (true) {
            skipSpace();
            items.add(string());
            skipSpace();
            char c = next();
            if (c == ']') {
                return items;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = next();
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                // A surrogate pair arrives as two escapes, each appended as its own char, which
                // joins them into one code point; a lone surrogate is kept as JSON allows it.
                case 'u' -> out.append(hex4());
                default -> throw error("bad escape \\" + escape);
            }
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("short \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
                throw error("bad \\u escape");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of line");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at column " + (pos + 1));
    }

    private static String string(Map<String, Object> object, String key) {
        if (!(object.get(key) instanceof String s)) {
            throw new IllegalArgumentException("missing string field " + key);
        }
        return s;
    }

    private static List<String> strings(Map<String, Object> object, String key) {
        if (!(object.get(key) instanceof List<?> list)) {
            throw new IllegalArgumentException("missing array field " + key);
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            strings.add((String) item);
        }
        return strings;
    }
}
