package org.supportgate.auth.message;

import java.util.Locale;

/**
 * One header field exactly as it appeared, as ISO-8859-1 text (one char per octet), with CRLF
 * line ends inside folded values and no final CRLF.
 *
 * @param name the field name as written (before the colon, surrounding whitespace kept)
 * @param raw  the whole field: name, colon and value with its folding
 */
public record HeaderField(String name, String raw) {

    /** The value as written: everything after the first colon, folding and leading space kept. */
    public String value() {
        int colon = raw.indexOf(':');
        return colon < 0 ? "" : raw.substring(colon + 1);
    }

    /** The field name without surrounding whitespace, lower-cased, for matching. */
    public String key() {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public boolean is(String fieldName) {
        return key().equals(fieldName.toLowerCase(Locale.ROOT));
    }
}
