package org.supportgate.auth.dkim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.supportgate.auth.dns.DnsAnswer;
import org.supportgate.auth.dns.DnsResolver;

/**
 * Fetches the key record {@code selector._domainkey.domain} and reads the key for an algorithm.
 * Shared by DKIM and ARC. One DNS query per call.
 *
 * <p>Reading an RSA key (base64, DER, a {@code KeyFactory}) costs about as much as a quarter of
 * the signature check itself, and busy senders publish the same record for months, so keys read
 * are kept by record text. A record's key depends on nothing but its text, the algorithm and this
 * query's size bounds, so a kept key is exactly what reading again would give. Records that do
 * not read are not kept.
 */
public final class DkimKeyQuery {

    /** Distinct key records kept; on reaching it the lot is dropped (hostile senders can vary selectors). */
    static final int KEPT_KEYS = 1_000;

    private record RecordText(String txt, DkimAlgorithm algorithm) {}

    private final DnsResolver dns;
    private final int minRsaBits;
    private final int maxRsaBits;
    private final Map<RecordText, KeyLookup.Found> kept = new ConcurrentHashMap<>();

    public DkimKeyQuery(DnsResolver dns, int minRsaBits, int maxRsaBits) {
        this.dns = dns;
        this.minRsaBits = minRsaBits;
        this.maxRsaBits = maxRsaBits;
    }

    public KeyLookup fetch(String selector, String domain, DkimAlgorithm algorithm) {
        if (!DnsNames.isDomain(selector) || !DnsNames.isDomain(domain)) {
            return new KeyLookup.Failed(DkimResult.PERMERROR, "selector or domain is not a valid DNS name");
        }
        String name = (selector + "._domainkey." + domain).toLowerCase(Locale.ROOT);
        DnsAnswer<String> answer = dns.txt(name);
        if (answer instanceof DnsAnswer.TempError<String> t) {
            return new KeyLookup.Failed(DkimResult.TEMPERROR, "key query for " + name + ": " + t.reason());
        }
        List<String> records = answer.valuesOrEmpty();
        if (records.isEmpty()) {
            return new KeyLookup.Failed(DkimResult.PERMERROR, "no key record at " + name);
        }
        // RFC 6376 section 6.1.2 lets a verifier pick among several records; take the first that reads.
        String firstProblem = "";
        for (String txt : records) {
            RecordText text = new RecordText(txt, algorithm);
            KeyLookup.Found known = kept.get(text);
            if (known != null) {
                return known;
            }
            try {
                DkimKeyRecord record = DkimKeyRecord.parse(txt);
                KeyLookup.Found found = new KeyLookup.Found(record, record.keyFor(algorithm, minRsaBits, maxRsaBits));
                keep(text, found);
                return found;
            } catch (TagSyntaxException e) {
                if (firstProblem.isEmpty()) {
                    firstProblem = e.getMessage();
                }
            }
        }
        return new KeyLookup.Failed(DkimResult.PERMERROR, "key record at " + name + ": " + firstProblem);
    }

    private void keep(RecordText text, KeyLookup.Found found) {
        if (kept.size() >= KEPT_KEYS) {
            kept.clear();
        }
        kept.put(text, found);
    }
}
