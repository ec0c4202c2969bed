package org.supportgate.gateway.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.supportgate.ticketing.outbox.BounceReport;

/**
 * The fields of a {@code message/delivery-status} body (RFC 3464): header-like groups separated
 * by blank lines, the first about the message, each further one about a recipient. Folded lines
 * are unfolded. Also reads a Message-ID out of returned headers.
 */
final class DeliveryStatusFields {

    private static final int MAX_GROUPS = 101;
    private static final int MAX_FIELDS = 50;

    private DeliveryStatusFields() {}

    static List<BounceReport.Recipient> recipients(String body) {
        List<Map<String, String>> groups = groups(body);
        List<BounceReport.Recipient> out = new ArrayList<>();
        for (int i = 1; i < groups.size(); i++) {
            Map<String, String> g = groups.get(i);
            String address = address(g.getOrDefault("final-recipient", g.getOrDefault("original-recipient", "")));
            if (address.isEmpty()) {
                continue;
            }
            out.add(new BounceReport.Recipient(address, g.getOrDefault("action", "").toLowerCase(Locale.ROOT),
                    firstWord(g.getOrDefault("status", "")), afterType(g.getOrDefault("diagnostic-code", ""))));
        }
        return out;
    }

    /** The Message-ID among returned header fields, bare, or empty. */
    static String messageId(String headers) {
        for (Map.Entry<String, String> field : groups(headers).stream().findFirst().orElse(Map.of()).entrySet()) {
            if (field.getKey().equals("message-id")) {
                String v = field.getValue().strip();
                int open = v.indexOf('<');
                int close = v.indexOf('>', open + 1);
                return open >= 0 && close > open ? v.substring(open + 1, close).strip() : v;
            }
        }
        return "";
    }

    /** Groups of fields, names lower-cased, the first occurrence of a name kept. */
    static List<Map<String, String>> groups(String body) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines(body)) {
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                current.putIfAbsent(name, value.toString().strip());
                name = null;
            }
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    groups.add(current);
                    if (groups.size() >= MAX_GROUPS) {
                        return groups;
                    }
                    current = new LinkedHashMap<>();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && current.size() < MAX_FIELDS) {
                name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                value.setLength(0);
                value.append(line.substring(colon + 1));
            }
        }
        if (name != null) {
            current.putIfAbsent(name, value.toString().strip());
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /** Lines split at LF, a CR before it dropped; a hand-written pass (no regular expression). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int cut = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, cut));
            start = end + 1;
        }
        return lines;
    }

    /** {@code rfc822; alice@example.com} gives alice@example.com. */
    static String address(String typed) {
        String a = afterType(typed);
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        return a.strip().toLowerCase(Locale.ROOT);
    }

    /** The text after the {@code type;} prefix of a typed field (address-type, diagnostic-type). */
    static String afterType(String typed) {
        int semicolon = typed.indexOf(';');
        return (semicolon >= 0 ? typed.substring(semicolon + 1) : typed).strip();
    }

    private static String firstWord(String text) {
        String s = text.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }
}
