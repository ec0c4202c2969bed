package org.supportgate.auth.dns;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers kept for their TTL, least recently used first out when full. Temporary errors are never
 * kept: the next caller asks again.
 */
final class AnswerCache {

    /** Longest we keep anything, whatever the TTL says: a day, as common resolvers cap it. */
    static final long MAX_TTL_SECONDS = 86_400;

    private record Key(String name, QueryType type) {}

    private record Kept(DnsAnswer<?> answer, long expiresAtMillis) {}

    private final int capacity;
    private final InstantSource clock;
    private final LinkedHashMap<Key, Kept> entries;

    AnswerCache(int capacity, InstantSource clock) {
        this.capacity = capacity;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > AnswerCache.this.capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    synchronized <T> Optional<DnsAnswer<T>> get(String name, QueryType type) {
        Key key = new Key(name, type);
        Kept entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAtMillis() <= clock.millis()) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of((DnsAnswer<T>) entry.answer());
    }

    synchronized void put(String name, QueryType type, DnsAnswer<?> answer, long ttlSeconds) {
        if (capacity == 0 || ttlSeconds <= 0 || answer instanceof DnsAnswer.TempError<?>) {
            return;
        }
        long ttl = Math.min(ttlSeconds, MAX_TTL_SECONDS);
        entries.put(new Key(name, type), new Kept(answer, clock.millis() + Duration.ofSeconds(ttl).toMillis()));
    }

    synchronized void clear() {
        entries.clear();
    }
}
