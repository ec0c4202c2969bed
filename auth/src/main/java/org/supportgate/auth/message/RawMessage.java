package org.supportgate.auth.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message as header fields in order and body octets, line ends normalised to CRLF.
 *
 * <p>A line in the header section without a colon is kept as a field with an empty name, so it
 * never matches a signed header name and never shifts the order of the others.
 */
public final class RawMessage {

    private final List<HeaderField> headers;
    private final byte[] body;

    private RawMessage(List<HeaderField> headers, byte[] body) {
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    public static MessageParse parse(byte[] raw) {
        return parse(raw, MessageLimits.DEFAULT);
    }

    public static MessageParse parse(byte[] raw, MessageLimits limits) {
        byte[] crlf = toCrlf(raw);
        List<HeaderField> fields = new ArrayList<>();
        int pos = 0;
        int fieldStart = -1;
        int fieldEnd = -1;
        int bodyStart = crlf.length;
        while (pos < crlf.length) {
            int eol = lineEnd(crlf, pos);
            if (eol == pos) {
                bodyStart = pos + 2;
                break;
            }
            boolean continuation = crlf[pos] == ' ' || crlf[pos] == '\t';
            if (!continuation || fieldStart < 0) {
                if (fieldStart >= 0) {
                    fields.add(field(crlf, fieldStart, fieldEnd));
                }
                if (fields.size() >= limits.maxHeaderFields()) {
                    return new MessageParse.Rejected(MessageParse.Bound.HEADER_FIELDS,
                            "more than " + limits.maxHeaderFields() + " header fields");
                }
                fieldStart = pos;
            }
            fieldEnd = eol;
            if (fieldEnd - fieldStart > limits.maxFieldOctets()) {
                return new MessageParse.Rejected(MessageParse.Bound.FIELD_OCTETS,
                        "a header field is longer than " + limits.maxFieldOctets() + " octets");
            }
            if (eol > limits.maxHeaderOctets()) {
                return new MessageParse.Rejected(MessageParse.Bound.HEADER_OCTETS,
                        "the header section is longer than " + limits.maxHeaderOctets() + " octets");
            }
            pos = Math.min(eol + 2, crlf.length);
        }
        if (fieldStart >= 0) {
            fields.add(field(crlf, fieldStart, fieldEnd));
        }
        byte[] body = bodyStart < crlf.length
                ? Arrays.copyOfRange(crlf, bodyStart, crlf.length) : new byte[0];
        return new MessageParse.Parsed(new RawMessage(fields, body));
    }

    /** Parses a message known to be within bounds (our own outgoing mail, tests); throws otherwise. */
    public static RawMessage of(byte[] raw) {
        return switch (parse(raw)) {
            case MessageParse.Parsed p -> p.message();
            case MessageParse.Rejected r -> throw new IllegalArgumentException(r.reason());
        };
    }

    /** As {@link #of(byte[])} for text whose chars are octets (ISO-8859-1), as in tests. */
    public static RawMessage of(String text) {
        return of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public List<HeaderField> headers() {
        return headers;
    }

    /** The fields with this name (case-insensitive), top to bottom. */
    public List<HeaderField> headers(String name) {
        return headers.stream().filter(h -> h.is(name)).toList();
    }

    /** The body octets after the empty line, CRLF line ends; empty when there is no body. */
    public byte[] body() {
        return body.clone();
    }

    /** The whole message again, CRLF line ends. */
    public byte[] toBytes() {
        StringBuilder out = new StringBuilder();
        for (HeaderField h : headers) {
            out.append(h.raw()).append("\r\n");
        }
        out.append("\r\n");
        byte[] head = out.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** A copy with a field added on top, as a signer or sealer does. */
    public RawMessage prepend(HeaderField field) {
        List<HeaderField> all = new ArrayList<>();
        all.add(field);
        all.addAll(headers);
        return new RawMessage(all, body);
    }

    private static HeaderField field(byte[] b, int start, int end) {
        String raw = new String(b, start, Math.max(0, end - start), StandardCharsets.ISO_8859_1);
        int colon = raw.indexOf(':');
        return new HeaderField(colon < 0 ? "" : raw.substring(0, colon), raw);
    }

    /** Index of the CR of the CRLF ending the line at pos, or the array length. */
    private static int lineEnd(byte[] b, int pos) {
        for (int i = pos; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return b.length;
    }

    /** Bare LF becomes CRLF; everything else is kept. */
    static byte[] toCrlf(byte[] raw) {
        int bare = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                bare++;
            }
        }
        if (bare == 0) {
            return raw.clone();
        }
        byte[] out = new byte[raw.length + bare];
        int o = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                out[o++] = '\r';
            }
            out[o++] = raw[i];
        }
        return out;
    }
}
