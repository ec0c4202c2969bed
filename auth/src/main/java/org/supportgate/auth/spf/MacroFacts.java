package org.supportgate.auth.spf;

import java.util.function.Supplier;

/**
 * The values macro letters stand for in one check_host() call (RFC 7208 section 7.2). %{p} costs
 * DNS lookups, so it is computed on first use only.
 */
final class MacroFacts {

    private final Sender sender;
    private final String domain;
    private final byte[] client;
    private final String helo;
    private final String receiver;
    private final long epochSeconds;
    private final Supplier<String> validatedName;
    private String validatedNameValue;

    MacroFacts(Sender sender, String domain, byte[] client, String helo, String receiver,
            long epochSeconds, Supplier<String> validatedName) {
        this.sender = sender;
        this.domain = domain;
        this.client = client;
        this.helo = helo;
        this.receiver = receiver;
        this.epochSeconds = epochSeconds;
        this.validatedName = validatedName;
    }

    /** The same facts for another domain, as include and redirect need. */
    MacroFacts forDomain(String newDomain, Supplier<String> newValidatedName) {
        return new MacroFacts(sender, newDomain, client, helo, receiver, epochSeconds,
                newValidatedName);
    }

    String domain() {
        return domain;
    }

    String value(char letter) {
        return switch (letter) {
            case 's' -> sender.address();
            case 'l' -> sender.localPart();
            case 'o' -> sender.domain();
            case 'd' -> domain;
            case 'i' -> IpLiteral.dotForm(client);
            case 'p' -> validatedName();
            case 'v' -> IpLiteral.isV4(client) ? "in-addr" : "ip6";
            case 'h' -> helo;
            case 'c' -> IpLiteral.readable(client);
            case 'r' -> receiver;
            case 't' -> Long.toString(epochSeconds);
            default -> throw new IllegalArgumentException("macro letter " + letter);
        };
    }

    private String validatedName() {
        if (validatedNameValue == null) {
            validatedNameValue = validatedName.get();
        }
        return validatedNameValue;
    }
}
