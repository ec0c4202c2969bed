package org.supportgate.auth.spf;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.supportgate.auth.dns.DnsResolver;

/**
 * Evaluates SPF (RFC 7208) for the MAIL FROM and HELO identities of an SMTP session. Thread-safe;
 * each check has its own lookup counters and time budget. Never throws for anything a sender or a
 * DNS zone can do: problems come back as {@link SpfResult#PERMERROR} or
 * {@link SpfResult#TEMPERROR} with the reason in {@link SpfVerdict#problem()}.
 */
public final class SpfEvaluator {

    /** Longest identity (MAIL FROM or HELO) we evaluate; RFC 5321 paths are far shorter. */
    static final int MAX_IDENTITY = 1024;

    private final DnsResolver dns;
    private final SpfLimits limits;
    private final String receiver;
    private final MacroString defaultExplanation;
    private final Clock clock;

    private SpfEvaluator(Builder builder) {
        this.dns = builder.dns;
        this.limits = builder.limits;
        this.receiver = builder.receiver;
        this.defaultExplanation = builder.defaultExplanation;
        this.clock = builder.clock;
    }

    /** An evaluator with the RFC 7208 limits and the standard default explanation. */
    public SpfEvaluator(DnsResolver dns, SpfLimits limits) {
        this(builder(dns).limits(limits));
    }

    public static Builder builder(DnsResolver dns) {
        return new Builder(dns);
    }

    /**
     * Checks the MAIL FROM identity (section 2.4). A null reverse-path ({@code ""} or {@code <>})
     * is checked as postmaster at the HELO domain.
     */
    public SpfVerdict checkMailFrom(InetAddress client, String mailFrom, String helo) {
        Objects.requireNonNull(mailFrom, "mailFrom");
        String path = mailFrom.strip();
        if (path.startsWith("<") && path.endsWith(">")) {
            path = path.substring(1, path.length() - 1);
        }
        if (path.isEmpty()) {
            return checkHelo(client, helo);
        }
        Sender sender = Sender.of(path, path);
        return checkHost(client, sender.domain(), sender, helo);
    }

    /** Checks the HELO identity (section 2.3): postmaster at the HELO domain. */
    public SpfVerdict checkHelo(InetAddress client, String helo) {
        Objects.requireNonNull(helo, "helo");
        return checkHost(client, helo, new Sender("postmaster", helo), helo);
    }

    private SpfVerdict checkHost(InetAddress client, String domain, Sender sender, String helo) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(helo, "helo");
        if (sender.address().length() > MAX_IDENTITY || helo.length() > MAX_IDENTITY) {
            return new SpfVerdict(SpfResult.NONE, "", "", "");
        }
        Optional<String> checked = DomainSyntax.identityDomain(domain);
        if (checked.isEmpty()) {
            return new SpfVerdict(SpfResult.NONE, "", "", "");
        }
        String name = checked.get();
        byte[] address = IpLiteral.canonical(client);
        CheckHost check = new CheckHost(dns, limits, address, System.nanoTime());
        MacroFacts facts = new MacroFacts(sender, name, address, helo, receiver,
                clock.instant().getEpochSecond(), check.validatedNameOf(name));
        try {
            Outcome outcome = check.evaluate(facts);
            String explanation = outcome.result() == SpfResult.FAIL ? explain(check, outcome) : "";
            return new SpfVerdict(outcome.result(), name, explanation, "");
        } catch (SpfAbort abort) {
            return new SpfVerdict(abort.result(), name, "", abort.problem());
        }
    }

    /** Section 6.2: any problem with exp= falls back to the default explanation. */
    private String explain(CheckHost check, Outcome outcome) {
        MacroFacts facts = outcome.facts();
        try {
            if (outcome.explanation().isPresent()) {
                Optional<String> text = DomainSyntax.queryName(outcome.explanation().get().expand(facts))
                        .flatMap(check::explanationText);
                if (text.isPresent()) {
                    return MacroString.parse(text.get(), MacroString.Use.EXPLANATION).expand(facts);
                }
            }
        } catch (SpfAbort ignored) {
            // The domain owner's exp= is broken; the RFC says to carry on without it.
        }
        try {
            return defaultExplanation.expand(facts);
        } catch (SpfAbort tooLong) {
            return "";
        }
    }

    /** Settings with defaults: RFC 7208 limits, receiver "unknown", the system clock. */
    public static final class Builder {
        private final DnsResolver dns;
        private SpfLimits limits = SpfLimits.rfc7208();
        private String receiver = "unknown";
        private MacroString defaultExplanation =
                MacroString.parse("%{c} is not allowed to send mail for %{d}", MacroString.Use.EXPLANATION);
        private Clock clock = Clock.systemUTC();

        private Builder(DnsResolver dns) {
            this.dns = Objects.requireNonNull(dns, "dns");
        }

        public Builder limits(SpfLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** %{r}: our host name, as it appears in explanations. */
        public Builder receiver(String value) {
            this.receiver = Objects.requireNonNull(value, "receiver");
            return this;
        }

        /**
         * The explanation for a fail whose policy gives none: macro-string text as in an exp=
         * record. Throws {@link IllegalArgumentException} if its macros are invalid.
         */
        public Builder defaultExplanation(String value) {
            try {
                this.defaultExplanation = MacroString.parse(value, MacroString.Use.EXPLANATION);
            } catch (SpfAbort e) {
                throw new IllegalArgumentException("default explanation: " + e.problem());
            }
            return this;
        }

        /** %{t} comes from this clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public SpfEvaluator build() {
            return new SpfEvaluator(this);
        }
    }
}
