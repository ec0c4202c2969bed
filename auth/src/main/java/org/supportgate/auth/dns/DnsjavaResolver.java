package org.supportgate.auth.dns;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks recursive DNS servers with dnsjava, caching answers for their TTL (negative answers for the
 * SOA minimum, RFC 2308). Each lookup is bounded by the timeout as a whole, waiting for a free
 * query slot included; at most {@code maxConcurrent} queries are in flight. Thread-safe; meant to
 * be shared and called from virtual threads.
 */
public final class DnsjavaResolver extends TypedLookups implements AutoCloseable {

    /** UDP payload we advertise with EDNS(0): the 2020 DNS flag day size, avoiding fragmentation. */
    private static final int EDNS_PAYLOAD = 1232;

    /**
     * Resolver settings.
     *
     * @param servers recursive servers as "host" or "host:port" ("[v6]:port" for IPv6 with a
     *     port); empty means the system's resolvers as dnsjava's ResolverConfig finds them
     * @param timeout the longest one lookup may take, CNAME re-queries and queueing included
     * @param maxConcurrent queries in flight at once
     * @param cacheSize answers kept; 0 disables the cache
     */
    public record Config(List<String> servers, Duration timeout, int maxConcurrent, int cacheSize) {
        public Config {
            servers = List.copyOf(servers);
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || maxConcurrent < 1 || cacheSize < 0) {
                throw new IllegalArgumentException("DNS config out of range: timeout " + timeout
                        + ", maxConcurrent " + maxConcurrent + ", cacheSize " + cacheSize);
            }
        }

        /** System resolvers, 5 s per lookup, 64 queries in flight, 10,000 cached answers. */
        public static Config defaults() {
            return new Config(List.of(), Duration.ofSeconds(5), 64, 10_000);
        }
    }

    private final Config config;
    private final Resolver resolver;
    private final Semaphore slots;
    private final AnswerCache cache;
    private volatile boolean closed;

    public DnsjavaResolver(Config config) {
        this(config, InstantSource.system());
    }

    DnsjavaResolver(Config config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.resolver = transport(config);
        this.slots = new Semaphore(config.maxConcurrent(), true);
        this.cache = new AnswerCache(config.cacheSize(), clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Config config() {
        return config;
    }

    private static Resolver transport(Config config) {
        Resolver transport;
        if (config.servers().isEmpty()) {
            try {
                transport = new ExtendedResolver();
            } catch (Exception e) {
                throw new IllegalStateException("no system DNS resolvers: " + e.getMessage(), e);
            }
        } else {
            List<Resolver> each = new ArrayList<>();
            for (String server : config.servers()) {
                each.add(new SimpleResolver(ServerAddress.parse(server)));
            }
            transport = each.size() == 1 ? each.get(0) : new ExtendedResolver(each);
        }
        transport.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
        transport.setTimeout(config.timeout());
        return transport;
    }

    @Override
    <T> DnsAnswer<T> lookup(String rawName, QueryType type) {
        if (closed) {
            return new DnsAnswer.TempError<>("resolver closed");
        }
        String name = StaticDnsResolver.normalise(rawName);
        Optional<DnsAnswer<T>> cached = cache.get(name, type);
        if (cached.isPresent()) {
            return cached.get();
        }
        Name question;
        try {
            question = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            // Over-long labels or names: no server could hold such a name.
            return new DnsAnswer.NxDomain<>();
        }
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try {
            if (!slots.tryAcquire(config.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                return new DnsAnswer.TempError<>("timeout waiting for a free DNS query slot ("
                        + config.maxConcurrent() + " in flight)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DnsAnswer.TempError<>("interrupted");
        }
        try {
            Resolved<T> resolved = resolve(question, type, deadline);
            cache.put(name, type, resolved.answer(), resolved.ttlSeconds());
            return resolved.answer();
        } finally {
            slots.release();
        }
    }

    private record Resolved<T>(DnsAnswer<T> answer, long ttlSeconds) {}

    /** Asks, following a CNAME chain the server did not finish itself. */
    @SuppressWarnings("unchecked")
    private <T> Resolved<T> resolve(Name question, QueryType type, long deadline) {
        Name current = question;
        long ttl = AnswerCache.MAX_TTL_SECONDS;
        for (int hops = 0; hops <= Zone.MAX_CNAME_CHAIN; hops++) {
            Message response;
            try {
                response = send(current, type, deadline);
            } catch (QueryFailure failure) {
                return new Resolved<>(new DnsAnswer.TempError<>(failure.getMessage()), 0);
            }
            int rcode = response.getRcode();
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                return new Resolved<>(new DnsAnswer.TempError<>(
                        Rcode.string(rcode) + " for " + current + " " + Type.string(type.code())), 0);
            }
            List<Record> answer = response.getSection(Section.ANSWER);
            Name owner = current;
            List<Record> matching = new ArrayList<>();
            // Walk the chain in the answer section; each step must start where the last ended.
            for (int step = 0; step <= Zone.MAX_CNAME_CHAIN; step++) {
                Name here = owner;
                List<Record> atOwner = answer.stream().filter(r -> r.getName().equals(here)).toList();
                matching = atOwner.stream().filter(r -> r.getType() == type.code()).toList();
                Optional<Record> alias = atOwner.stream().filter(r -> r.getType() == Type.CNAME).findFirst();
                if (!matching.isEmpty() || alias.isEmpty()) {
                    break;
                }
                ttl = Math.min(ttl, alias.get().getTTL());
                owner = ((CNAMERecord) alias.get()).getTarget();
            }
            if (!matching.isEmpty()) {
                for (Record r : matching) {
                    ttl = Math.min(ttl, r.getTTL());
                }
                return new Resolved<>(new DnsAnswer.Records<>((List<T>) (List<?>) RecordValues.of(type, matching)), ttl);
            }
            Optional<Long> negativeTtl = negativeTtl(response);
            if (rcode == Rcode.NXDOMAIN) {
                return new Resolved<>(new DnsAnswer.NxDomain<>(), Math.min(ttl, negativeTtl.orElse(0L)));
            }
            if (owner.equals(current) || negativeTtl.isPresent()) {
                return new Resolved<>(new DnsAnswer.NoData<>(), Math.min(ttl, negativeTtl.orElse(0L)));
            }
            current = owner;
        }
        return new Resolved<>(new DnsAnswer.TempError<>("CNAME chain longer than "
                + Zone.MAX_CNAME_CHAIN + " from " + question), 0);
    }

    /** RFC 2308 section 5: the lesser of the SOA's TTL and its minimum field. */
    private static Optional<Long> negativeTtl(Message response) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa) {
                return Optional.of(Math.min(soa.getTTL(), soa.getMinimum()));
            }
        }
        return Optional.empty();
    }

    private Message send(Name name, QueryType type, long deadline) throws QueryFailure {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new QueryFailure("timeout after " + config.timeout().toMillis() + " ms");
        }
        Message query = Message.newQuery(Record.newRecord(name, type.code(), DClass.IN));
        CompletableFuture<Message> pending = resolver.sendAsync(query).toCompletableFuture();
        try {
            return pending.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new QueryFailure("timeout after " + config.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new QueryFailure("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                throw new QueryFailure("timeout after " + config.timeout().toMillis() + " ms");
            }
            throw new QueryFailure("I/O error: " + cause);
        }
    }

    /** Why a query got no usable response; becomes a {@link DnsAnswer.TempError}. */
    private static final class QueryFailure extends Exception {
        QueryFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Drops the cache; later lookups give a temporary error. dnsjava's I/O threads are shared. */
    @Override
    public void close() {
        closed = true;
        cache.clear();
    }

    /** Starts from {@link Config#defaults()}. */
    public static final class Builder {
        private List<String> servers = List.of();
        private Duration timeout = Config.defaults().timeout();
        private int maxConcurrent = Config.defaults().maxConcurrent();
        private int cacheSize = Config.defaults().cacheSize();

        private Builder() {}

        public Builder servers(List<String> value) {
            this.servers = List.copyOf(value);
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder maxConcurrent(int value) {
            this.maxConcurrent = value;
            return this;
        }

        public Builder cacheSize(int value) {
            this.cacheSize = value;
            return this;
        }

        public Config config() {
            return new Config(servers, timeout, maxConcurrent, cacheSize);
        }

        public DnsjavaResolver build() {
            return new DnsjavaResolver(config());
        }
    }
}
