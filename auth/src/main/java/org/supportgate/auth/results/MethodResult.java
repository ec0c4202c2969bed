package org.supportgate.auth.results;

import java.util.List;
import java.util.Locale;

/**
 * One resinfo of RFC 8601 section 2.2: {@code method=result [reason="..."] *propspec}.
 *
 * @param method the method keyword: spf, dkim, dmarc, arc, iprev, auth, ...
 * @param resultToken the result keyword; any case is accepted and stored in lower case, so an
 *     enum's {@code name()} can be given as it is
 * @param reason a short explanation rendered as {@code reason="..."}; empty for none
 * @param properties the propspecs, in order
 */
public record MethodResult(String method, String resultToken, String reason, List<Property> properties) {

    public MethodResult {
        Grammar.requireKeyword("method", method);
        Grammar.requireKeyword("result", resultToken);
        method = method.toLowerCase(Locale.ROOT);
        resultToken = resultToken.toLowerCase(Locale.ROOT);
        if (reason == null) {
            throw new IllegalArgumentException("reason must not be null; use \"\" for none");
        }
        properties = List.copyOf(properties);
    }

    public MethodResult(String method, String resultToken, List<Property> properties) {
        this(method, resultToken, "", properties);
    }

    /**
     * From a result enum such as SpfResult.SOFTFAIL or DkimResult.TEMPERROR, whose lower-case
     * names are the RFC 8601 result keywords.
     */
    public static MethodResult of(String method, Enum<?> result, String reason, List<Property> properties) {
        return new MethodResult(method, result.name(), reason, properties);
    }

    public static MethodResult of(String method, Enum<?> result, List<Property> properties) {
        return of(method, result, "", properties);
    }
}
