package org.supportgate.auth.spf;

import java.util.Objects;

/**
 * The outcome of one SPF check.
 *
 * @param result the check_host() result
 * @param domain the domain whose policy was checked (the MAIL FROM or HELO domain); empty when
 *     the identity had no usable domain
 * @param explanation for {@link SpfResult#FAIL} only: the expanded {@code exp=} text, or the
 *     evaluator's default explanation; empty otherwise. It is the domain owner's text: quote it,
 *     never trust it.
 * @param problem for {@link SpfResult#PERMERROR} and {@link SpfResult#TEMPERROR}: why, for logs
 *     and the Authentication-Results comment; empty otherwise
 */
public record SpfVerdict(SpfResult result, String domain, String explanation, String problem) {

    public SpfVerdict {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(problem, "problem");
    }
}
