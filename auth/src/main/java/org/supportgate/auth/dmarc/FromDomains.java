package org.supportgate.auth.dmarc;

import java.util.List;

/**
 * The domains of the mailboxes in one From header field value (RFC 5322 section 3.6.2, an
 * address list), or why none could be extracted. Domains are A-labels in lower case.
 */
public sealed interface FromDomains {

    /** Longer From values are refused rather than parsed: 998 octets per line, a few lines. */
    int MAX_VALUE_LENGTH = 8192;

    /** Every mailbox's domain, in order; several entries mean several authors. */
    record Extracted(List<String> domains) implements FromDomains {
        public Extracted {
            domains = List.copyOf(domains);
        }
    }

    /** Nothing usable: the problem, and a short detail for the log (never the whole value). */
    record Rejected(FromProblem problem, String detail) implements FromDomains {
        public String describe() {
            return detail.isEmpty() ? problem.description() : problem.description() + " (" + detail + ")";
        }
    }

    /** Why a From value gives no Author Domain. */
    enum FromProblem {
        TOO_LONG("value too long"),
        MALFORMED("not an RFC 5322 address list"),
        NO_ADDRESS("no mailbox"),
        NO_DOMAIN("a mailbox without a domain name"),
        INVALID_DOMAIN("a domain that is not a valid host name");

        private final String description;

        FromProblem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Parses the raw (possibly folded) value of one From header field; never throws. */
    static FromDomains parse(String headerValue) {
        if (headerValue.length() > MAX_VALUE_LENGTH) {
            return new Rejected(FromProblem.TOO_LONG, headerValue.length() + " chars");
        }
        return new AddressListParser(headerValue).parse();
    }
}
