package org.supportgate.auth.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

/**
 * The header data a DKIM-style signature covers (RFC 6376 section 3.7): the fields named in h=,
 * each name taking the next instance from the bottom up and nothing once none is left, then the
 * signature field itself with its b= value emptied and no final CRLF. Shared with ARC.
 */
public final class SignedHeaders {

    private SignedHeaders() {}

    public static byte[] data(RawMessage message, List<String> names, Canonicalization canonicalization,
            HeaderField signatureField) {
        StringBuilder data = new StringBuilder();
        Map<String, List<HeaderField>> byKey = byKey(message);
        Map<String, Integer> taken = new HashMap<>();
        for (String name : names) {
            String key = name.toLowerCase(Locale.ROOT);
            List<HeaderField> instances = byKey.getOrDefault(key, List.of());
            int used = taken.getOrDefault(key, 0);
            int index = instances.size() - 1 - used;
            if (index >= 0) {
                data.append(canonicalization.header(instances.get(index)));
                taken.put(key, used + 1);
            }
        }
        String own = canonicalization.header(withoutSignatureValue(signatureField));
        data.append(own, 0, own.length() - 2);
        return data.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The fields by {@link HeaderField#key()}, top to bottom, as {@link RawMessage#headers(String)}
     * finds them: one pass over the header section instead of one per name in h=.
     */
    private static Map<String, List<HeaderField>> byKey(RawMessage message) {
        Map<String, List<HeaderField>> byKey = new HashMap<>();
        for (HeaderField field : message.headers()) {
            byKey.computeIfAbsent(field.key(), k -> new ArrayList<>()).add(field);
        }
        return byKey;
    }

    /**
     * The field with the value of its b= tag deleted, surrounding whitespace included, and
     * everything else (b= itself, bh=, folding) left exactly as it was.
     */
    public static HeaderField withoutSignatureValue(HeaderField field) {
        String raw = field.raw();
        int colon = raw.indexOf(':');
        if (colon < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(raw.length()).append(raw, 0, colon + 1);
        int start = colon + 1;
        while (start <= raw.length()) {
            int semi = raw.indexOf(';', start);
            int end = semi < 0 ? raw.length() : semi;
            String spec = raw.substring(start, end);
            int eq = spec.indexOf('=');
            if (eq >= 0 && TagList.stripFws(spec.substring(0, eq)).equals("b")) {
                out.append(spec, 0, eq + 1);
            } else {
                out.append(spec);
            }
            if (semi < 0) {
                break;
            }
            out.append(';');
            start = semi + 1;
        }
        return new HeaderField(field.name(), out.toString());
    }
}
