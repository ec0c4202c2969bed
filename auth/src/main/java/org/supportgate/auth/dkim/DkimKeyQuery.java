package org.supportgate.auth.dkim;

import java.util.List;
import java.util.Locale;
import org.supportgate.auth.dns.DnsAnswer;
import org.supportgate.auth.dns.DnsResolver;

/**
 * Fetches the key record {@code selector._domainkey.domain} and reads the key for an algorithm.
 * Shared by DKIM and ARC. One DNS query per call.
 */
public final class DkimKeyQuery {

    private final DnsResolver dns;
    private final int minRsaBits;
    private final int maxRsaBits;

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
            try {
                DkimKeyRecord record = DkimKeyRecord.parse(txt);
                return new KeyLookup.Found(record, record.keyFor(algorithm, minRsaBits, maxRsaBits));
            } catch (TagSyntaxException e) {
                if (firstProblem.isEmpty()) {
                    firstProblem = e.getMessage();
                }
            }
        }
        return new KeyLookup.Failed(DkimResult.PERMERROR, "key record at " + name + ": " + firstProblem);
    }
}
