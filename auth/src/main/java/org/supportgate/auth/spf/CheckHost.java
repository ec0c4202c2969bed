package org.supportgate.auth.spf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.supportgate.auth.dns.DnsAnswer;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.dns.MxRecord;

/**
 * One evaluation of check_host() (RFC 7208 section 4) for one client address, with its own
 * counters: DNS terms and void lookups are counted across include and redirect, and every query
 * first checks the time budget. Not thread-safe; one instance per check.
 */
final class CheckHost {

    private final DnsResolver dns;
    private final SpfLimits limits;
    private final byte[] client;
    private final long deadline;
    private int dnsTerms;
    private int voidLookups;

    CheckHost(DnsResolver dns, SpfLimits limits, byte[] client, long startNanos) {
        this.dns = dns;
        this.limits = limits;
        this.client = client;
        this.deadline = startNanos + limits.timeBudget().toNanos();
    }

    /** Evaluates the policy of {@code facts.domain()}; permerror and temperror are thrown. */
    Outcome evaluate(MacroFacts facts) {
        Optional<SpfRecord> found = findRecord(facts.domain());
        if (found.isEmpty()) {
            return Outcome.of(SpfResult.NONE, facts);
        }
        SpfRecord record = found.get();
        for (Directive directive : record.directives()) {
            if (directive.mechanism().queriesDns()) {
                countDnsTerm();
            }
            if (matches(directive.mechanism(), facts)) {
                SpfResult result = directive.qualifier().result();
                return new Outcome(result, facts,
                        result == SpfResult.FAIL ? record.explanation() : Optional.empty());
            }
        }
        if (record.redirect().isPresent()) {
            countDnsTerm();
            String target = targetName(record.redirect().get(), facts).orElseThrow(
                    () -> SpfAbort.permError("redirect= names no valid domain"));
            Outcome redirected = evaluate(facts.forDomain(target, validatedNameOf(target)));
            if (redirected.result() == SpfResult.NONE) {
                throw SpfAbort.permError("redirect to " + target + ", which has no SPF record");
            }
            return redirected;
        }
        return Outcome.of(SpfResult.NEUTRAL, facts);
    }

    /** Section 4.4 and 4.5: exactly one "v=spf1" TXT record, or none. */
    private Optional<SpfRecord> findRecord(String domain) {
        DnsAnswer<String> answer = ask(() -> dns.txt(domain), "TXT", domain);
        List<String> spf = new ArrayList<>();
        for (String text : answer.valuesOrEmpty()) {
            if (SpfRecord.isSpf1(text)) {
                spf.add(text);
            }
        }
        if (spf.size() > 1) {
            throw SpfAbort.permError(domain + " publishes " + spf.size() + " SPF records");
        }
        return spf.isEmpty() ? Optional.empty() : Optional.of(RecordParser.parse(spf.get(0),
                limits.recordLength()));
    }

    private boolean matches(Mechanism mechanism, MacroFacts facts) {
        return switch (mechanism) {
            case Mechanism.All all -> true;
            case Mechanism.Ip ip -> ip.network().contains(client);
            case Mechanism.Include include -> includes(include, facts);
            case Mechanism.A a -> target(a.domain(), facts)
                    .map(name -> anyAddressWithin(name, a.cidr4(), a.cidr6(), true))
                    .orElseGet(this::voidName);
            case Mechanism.Mx mx -> target(mx.domain(), facts)
                    .map(name -> exchangesMatch(name, mx.cidr4(), mx.cidr6()))
                    .orElseGet(this::voidName);
            case Mechanism.Ptr ptr -> target(ptr.domain(), facts)
                    .map(this::ptrMatches)
                    .orElseGet(this::voidName);
            case Mechanism.Exists exists -> targetName(exists.domain(), facts)
                    .map(this::exists)
                    .orElseGet(this::voidName);
        };
    }

    /** Section 5.2: only a pass of the included policy matches; none is permerror. */
    private boolean includes(Mechanism.Include include, MacroFacts facts) {
        String target = targetName(include.domain(), facts).orElseThrow(
                () -> SpfAbort.permError("include: names no valid domain"));
        Outcome inner = evaluate(facts.forDomain(target, validatedNameOf(target)));
        return switch (inner.result()) {
            case PASS -> true;
            case FAIL, SOFTFAIL, NEUTRAL -> false;
            case NONE -> throw SpfAbort.permError("include:" + target + " has no SPF record");
            case TEMPERROR, PERMERROR -> throw new IllegalStateException("errors are thrown");
        };
    }

    private Optional<String> target(Optional<MacroString> spec, MacroFacts facts) {
        return spec.isEmpty() ? Optional.of(facts.domain()) : targetName(spec.get(), facts);
    }

    private static Optional<String> targetName(MacroString spec, MacroFacts facts) {
        return DomainSyntax.queryName(spec.expand(facts));
    }

    /** A name that cannot be asked about is treated as one that does not exist. */
    private boolean voidName() {
        countVoid();
        return false;
    }

    private boolean anyAddressWithin(String name, int cidr4, int cidr6, boolean countVoid) {
        DnsAnswer<InetAddress> answer = addresses(name);
        if (answer.isVoid() && countVoid) {
            countVoid();
        }
        int prefix = IpLiteral.isV4(client) ? cidr4 : cidr6;
        for (InetAddress address : answer.valuesOrEmpty()) {
            // An AAAA answer may hold an IPv4-mapped address, which Java gives back as IPv4.
            byte[] bytes = address.getAddress();
            if (bytes.length == client.length && new Network(bytes, prefix).contains(client)) {
                return true;
            }
        }
        return false;
    }

    private DnsAnswer<InetAddress> addresses(String name) {
        return IpLiteral.isV4(client)
                ? ask(() -> dns.a(name), "A", name)
                : ask(() -> dns.aaaa(name), "AAAA", name);
    }

    /** Section 5.4: more than the MX name limit is permerror; null MX names are skipped. */
    private boolean exchangesMatch(String name, int cidr4, int cidr6) {
        DnsAnswer<MxRecord> answer = ask(() -> dns.mx(name), "MX", name);
        if (answer.isVoid()) {
            countVoid();
        }
        List<MxRecord> exchanges = answer.valuesOrEmpty();
        if (exchanges.size() > limits.namesPerLookup()) {
            throw SpfAbort.permError(name + " has " + exchanges.size() + " MX names, over "
                    + limits.namesPerLookup());
        }
        for (MxRecord mx : exchanges) {
            Optional<String> exchange = DomainSyntax.queryName(mx.exchange());
            if (exchange.isPresent() && anyAddressWithin(exchange.get(), cidr4, cidr6, false)) {
                return true;
            }
        }
        return false;
    }

    /** Section 5.5: a DNS error on the PTR lookup is no match; names past the limit are ignored. */
    private boolean ptrMatches(String target) {
        for (String name : validatedNames(true)) {
            if (DomainSyntax.isWithin(name, target)) {
                return true;
            }
        }
        return false;
    }

    private boolean exists(String name) {
        DnsAnswer<InetAddress> answer = ask(() -> dns.a(name), "A", name);
        if (answer.isVoid()) {
            countVoid();
            return false;
        }
        return true;
    }

    /**
     * The client's host names whose forward lookup gives the client address back (section 5.5),
     * from at most the name limit of PTR names. Errors skip a name; they never fail the check.
     */
    private List<String> validatedNames(boolean countVoid) {
        InetAddress address = IpLiteral.toInet(client);
        DnsAnswer<String> ptr = askQuietly(() -> dns.ptr(address));
        if (ptr.isVoid() && countVoid) {
            countVoid();
        }
        if (!(ptr instanceof DnsAnswer.Records<String> records)) {
            return List.of();
        }
        List<String> names = records.values();
        List<String> validated = new ArrayList<>();
        for (String name : names.subList(0, Math.min(names.size(), limits.namesPerLookup()))) {
            Optional<String> host = DomainSyntax.queryName(name);
            if (host.isEmpty()) {
                continue;
            }
            DnsAnswer<InetAddress> forward = askQuietly(() -> IpLiteral.isV4(client)
                    ? dns.a(host.get()) : dns.aaaa(host.get()));
            if (forward instanceof DnsAnswer.Records<InetAddress> found && found.values().stream()
                    .anyMatch(a -> Arrays.equals(a.getAddress(), client))) {
                validated.add(host.get());
            }
        }
        return validated;
    }

    /** %{p} (section 7.3): a validated name within the domain if any, else any, else unknown. */
    Supplier<String> validatedNameOf(String domain) {
        return () -> {
            List<String> names = validatedNames(false);
            return names.stream().filter(n -> DomainSyntax.isWithin(n, domain)).findFirst()
                    .or(() -> names.stream().findFirst())
                    .orElse("unknown");
        };
    }

    /** Fetches the exp= text: one TXT record, or empty on any problem (section 6.2). */
    Optional<String> explanationText(String name) {
        if (System.nanoTime() - deadline > 0) {
            return Optional.empty();
        }
        return switch (dns.txt(name)) {
            case DnsAnswer.Records<String> r when r.values().size() == 1 -> Optional.of(r.values().get(0));
            case DnsAnswer.Records<String> r -> Optional.empty();
            case DnsAnswer.NxDomain<String> n -> Optional.empty();
            case DnsAnswer.NoData<String> n -> Optional.empty();
            case DnsAnswer.TempError<String> t -> Optional.empty();
        };
    }

    private <T> DnsAnswer<T> ask(Supplier<DnsAnswer<T>> query, String type, String name) {
        DnsAnswer<T> answer = askQuietly(query);
        if (answer instanceof DnsAnswer.TempError<T> error) {
            throw SpfAbort.tempError("DNS " + type + " " + name + ": " + error.reason());
        }
        return answer;
    }

    private <T> DnsAnswer<T> askQuietly(Supplier<DnsAnswer<T>> query) {
        if (System.nanoTime() - deadline > 0) {
            throw SpfAbort.tempError("SPF time budget of " + limits.timeBudget() + " spent");
        }
        return query.get();
    }

    private void countDnsTerm() {
        if (++dnsTerms > limits.dnsTerms()) {
            throw SpfAbort.permError("more than " + limits.dnsTerms() + " DNS-querying terms");
        }
    }

    private void countVoid() {
        if (++voidLookups > limits.voidLookups()) {
            throw SpfAbort.permError("more than " + limits.voidLookups() + " void DNS lookups");
        }
    }
}
