package org.supportgate.auth.dmarc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.supportgate.auth.dns.DnsAnswer;
import org.supportgate.auth.dns.DnsResolver;

/**
 * Asks DNS for the DMARC Policy Record of a domain, once per domain for one evaluation: walks for
 * the Author Domain and for each Authenticated Identifier share their upper names.
 */
final class RecordLookup {

    /** What one {@code _dmarc} query gave, after section 4.10 steps 2 and 6. */
    sealed interface Outcome {
        record Found(DmarcRecord record) implements Outcome {}

        /** No usable record at this name: none, several, or DNS said there is nothing. */
        record Absent(String why) implements Outcome {}

        record Failed(String reason) implements Outcome {}
    }

    private final DnsResolver resolver;
    private final Map<String, Outcome> answers = new HashMap<>();

    RecordLookup(DnsResolver resolver) {
        this.resolver = resolver;
    }

    /** The outcome for a normalised domain name. */
    Outcome at(String domain) {
        Outcome known = answers.get(domain);
        if (known != null) {
            return known;
        }
        Outcome outcome = switch (resolver.txt("_dmarc." + domain)) {
            case DnsAnswer.Records<String> r -> select(r.values());
            case DnsAnswer.NxDomain<String> n -> new Outcome.Absent("no record");
            case DnsAnswer.NoData<String> n -> new Outcome.Absent("no record");
            case DnsAnswer.TempError<String> t -> new Outcome.Failed(t.reason());
        };
        answers.put(domain, outcome);
        return outcome;
    }

    /**
     * Section 4.10 steps 2 and 6: TXT records that do not start with {@code v=DMARC1} are
     * discarded; if several DMARC Policy Records remain they are all discarded.
     */
    private static Outcome select(List<String> txts) {
        List<String> dmarc = new ArrayList<>();
        for (String txt : txts) {
            if (DmarcRecordParser.isDmarcRecord(txt)) {
                dmarc.add(txt);
            }
        }
        if (dmarc.size() > 1) {
            return new Outcome.Absent(dmarc.size() + " DMARC records, all discarded");
        }
        Optional<DmarcRecord> record = dmarc.isEmpty()
                ? Optional.empty() : DmarcRecordParser.parse(dmarc.getFirst());
        return record.<Outcome>map(Outcome.Found::new)
                .orElseGet(() -> new Outcome.Absent("no record"));
    }
}
