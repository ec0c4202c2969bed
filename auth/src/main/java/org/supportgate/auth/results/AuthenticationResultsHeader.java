package org.supportgate.auth.results;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The Authentication-Results header field of RFC 8601 that this gateway adds:
 * {@code Authentication-Results: <authserv-id> [version]; method=result ...} or {@code ; none}.
 *
 * <p>Rendering never lets message content break the field: values are tokens, addresses or
 * quoted-strings with escapes (section 2.2), controls including CR and LF are dropped, and each
 * value is cut to 256 characters.
 *
 * @param authservId our authentication service identifier, e.g. the host name (section 2.5)
 * @param version the optional authres-version; RFC 8601 defines version 1
 * @param results the method results, in the order to render; empty renders {@code none}
 */
public record AuthenticationResultsHeader(String authservId, OptionalInt version, List<MethodResult> results) {

    public static final String NAME = "Authentication-Results";

    /** Lines are folded before this width where a break is possible (RFC 5322 section 2.1.1). */
    static final int FOLD_WIDTH = 78;
    private static final String FOLD = "\r\n\t";

    public AuthenticationResultsHeader {
        if (authservId == null || Grammar.clean(authservId).isBlank()) {
            throw new IllegalArgumentException("authserv-id must not be empty");
        }
        if (version.isPresent() && version.getAsInt() < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        results = List.copyOf(results);
    }

    public static AuthenticationResultsHeader of(String authservId, List<MethodResult> results) {
        return new AuthenticationResultsHeader(authservId, OptionalInt.empty(), results);
    }

    public AuthenticationResultsHeader withVersion(int version) {
        return new AuthenticationResultsHeader(authservId, OptionalInt.of(version), results);
    }

    /**
     * The whole header field, folded with CRLF and a tab: each result starts a line, and long
     * results break between their properties. No trailing CRLF.
     */
    public String field() {
        StringBuilder out = new StringBuilder(NAME).append(": ").append(head());
        if (results.isEmpty()) {
            return out.append("; none").toString();
        }
        for (MethodResult result : results) {
            out.append(';').append(FOLD);
            int lineLength = 1;
            List<String> pieces = pieces(result);
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                if (i > 0) {
                    if (lineLength + 1 + piece.length() > FOLD_WIDTH) {
                        out.append(FOLD);
                        lineLength = 1;
                    } else {
                        out.append(' ');
                        lineLength++;
                    }
                }
                out.append(piece);
                lineLength += piece.length();
            }
        }
        return out.toString();
    }

    /** The field value on one line, without the name and colon: what a parser sees unfolded. */
    public String value() {
        StringBuilder out = new StringBuilder(head());
        if (results.isEmpty()) {
            return out.append("; none").toString();
        }
        for (MethodResult result : results) {
            out.append("; ").append(String.join(" ", pieces(result)));
        }
        return out.toString();
    }

    private String head() {
        String id = Grammar.value(authservId);
        return version.isPresent() ? id + " " + version.getAsInt() : id;
    }

    /** methodspec, then reasonspec, then each propspec: the units a fold may fall between. */
    private static List<String> pieces(MethodResult result) {
        List<String> pieces = new ArrayList<>();
        pieces.add(result.method() + "=" + result.resultToken());
        if (!result.reason().isEmpty()) {
            pieces.add("reason=" + Grammar.quoted(Grammar.clean(result.reason())));
        }
        for (Property p : result.properties()) {
            pieces.add(p.ptype() + "." + p.property() + "=" + Grammar.pvalue(p.value()));
        }
        return pieces;
    }
}
