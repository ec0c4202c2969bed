package org.supportgate.auth.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Records read from master-file text, answering as a recursive resolver would: CNAME chains
 * followed inside the data, NXDOMAIN for names that do not exist (no records at or below them),
 * NODATA otherwise, and the closest enclosing SOA for negative answers.
 */
final class Zone {

    /** Longest CNAME chain followed; a longer chain or a loop is a server failure. */
    static final int MAX_CNAME_CHAIN = 8;

    /** TTL for records in text without $TTL or an explicit TTL. */
    private static final long DEFAULT_TTL = 3600;

    /** The outcome for one question: RCODE, answer section (CNAMEs first), SOA for negatives. */
    record Resolution(int rcode, List<Record> answer, Optional<SOARecord> soa) {}

    private final Map<Name, List<Record>> byOwner;

    private Zone(Map<Name, List<Record>> byOwner) {
        this.byOwner = byOwner;
    }

    /**
     * Parses master-file text; relative names are taken relative to the root. $INCLUDE is
     * refused: zone text must not be able to read other files.
     *
     * @throws IllegalArgumentException naming the line that does not parse
     */
    static Zone parse(String text) {
        Map<Name, List<Record>> byOwner = new HashMap<>();
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Name.root, DEFAULT_TTL)) {
            master.disableIncludes(true);
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                byOwner.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("zone text does not parse: " + e.getMessage(), e);
        }
        Map<Name, List<Record>> frozen = new HashMap<>();
        byOwner.forEach((name, records) -> frozen.put(name, List.copyOf(records)));
        return new Zone(Map.copyOf(frozen));
    }

    Resolution resolve(Name question, int type) {
        List<Record> answer = new ArrayList<>();
        Name current = question;
        for (int hops = 0; hops <= MAX_CNAME_CHAIN; hops++) {
            List<Record> here = byOwner.getOrDefault(current, List.of());
            List<Record> matching = here.stream().filter(r -> r.getType() == type).toList();
            if (!matching.isEmpty()) {
                answer.addAll(matching);
                return new Resolution(Rcode.NOERROR, answer, Optional.empty());
            }
            Optional<Record> alias = here.stream().filter(r -> r.getType() == Type.CNAME).findFirst();
            if (alias.isEmpty()) {
                int rcode = exists(current) ? Rcode.NOERROR : Rcode.NXDOMAIN;
                return new Resolution(rcode, answer, soaFor(current));
            }
            answer.add(alias.get());
            current = ((CNAMERecord) alias.get()).getTarget();
        }
        return new Resolution(Rcode.SERVFAIL, List.of(), Optional.empty());
    }

    /** A name exists if it owns records or has names below it (an empty non-terminal). */
    private boolean exists(Name name) {
        if (byOwner.containsKey(name)) {
            return true;
        }
        for (Name owner : byOwner.keySet()) {
            if (owner.subdomain(name)) {
                return true;
            }
        }
        return false;
    }

    private Optional<SOARecord> soaFor(Name name) {
        for (Name n = name; n.labels() > 0; n = parent(n)) {
            for (Record r : byOwner.getOrDefault(n, List.of())) {
                if (r instanceof SOARecord soa) {
                    return Optional.of(soa);
                }
            }
            if (n.labels() == 1) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Name parent(Name name) {
        return new Name(name, 1);
    }
}
