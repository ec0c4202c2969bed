package org.supportgate.auth.dkim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed tag=value list, RFC 6376 section 3.2, as used by DKIM-Signature, key records and the
 * ARC header fields. Tag names are case-sensitive; a duplicate tag, an empty tag-spec between two
 * semicolons or a malformed name makes the whole list invalid. Values keep inner whitespace
 * (each tag's own syntax decides whether it allows it); surrounding FWS is dropped.
 *
 * <p>Shared with {@code auth.arc}; the gateway has no reason to call it.
 */
public final class TagList {

    /** Bounds the work on hostile input; real lists have about a dozen tags. */
    static final int MAX_TAGS = 64;

    private final Map<String, String> tags;

    private TagList(Map<String, String> tags) {
        this.tags = Collections.unmodifiableMap(tags);
    }

    public static TagList parse(String text) throws TagSyntaxException {
        Map<String, String> tags = new LinkedHashMap<>();
        String[] specs = text.split(";", -1);
        for (int i = 0; i < specs.length; i++) {
            String spec = stripFws(specs[i]);
            if (spec.isEmpty()) {
                if (i == specs.length - 1) {
                    break; // a trailing semicolon, or an empty list
                }
                throw new TagSyntaxException("empty tag-spec (extra semicolon)");
            }
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new TagSyntaxException("tag-spec without '='");
            }
            String name = stripFws(spec.substring(0, eq));
            if (!isTagName(name)) {
                throw new TagSyntaxException("invalid tag name");
            }
            String value = stripFws(spec.substring(eq + 1));
            if (!isTagValue(value)) {
                throw new TagSyntaxException("invalid characters in the value of " + name + "=");
            }
            if (tags.putIfAbsent(name, value) != null) {
                throw new TagSyntaxException("duplicate tag " + name + "=");
            }
            if (tags.size() > MAX_TAGS) {
                throw new TagSyntaxException("more than " + MAX_TAGS + " tags");
            }
        }
        return new TagList(tags);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    public boolean has(String name) {
        return tags.containsKey(name);
    }

    /** The value of a tag that must be present and non-empty. */
    public String require(String name) throws TagSyntaxException {
        String value = tags.get(name);
        if (value == null) {
            throw new TagSyntaxException("missing required tag " + name + "=");
        }
        if (value.isEmpty()) {
            throw new TagSyntaxException("empty value for " + name + "=");
        }
        return value;
    }

    static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isFws(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static String stripFws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isFws(s.charAt(start))) {
            start++;
        }
        while (end > start && isFws(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The string with all FWS removed: base64 values and h= lists may be folded anywhere. */
    static String removeFws(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isFws(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isTagName(String name) {
        if (name.isEmpty() || !isAlpha(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isTagValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean valchar = c >= 0x21 && c <= 0x7e && c != ';';
            if (!valchar && !isFws(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
