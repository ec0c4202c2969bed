package org.supportgate.auth.arc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.supportgate.auth.dkim.TagList;
import org.supportgate.auth.dkim.TagSyntaxException;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

/**
 * Reads the ARC sets of a message and checks the structure of RFC 8617 section 5.2 step 1-2:
 * every instance number 1..n present exactly once in each of the three fields, n at most 50.
 */
final class ArcChainStructure {

    static final int MAX_INSTANCES = 50;

    /** The sets ordered by instance, or the structural problem. */
    sealed interface Reading {
        record Sets(List<ArcSet> sets) implements Reading {}

        record Broken(String reason) implements Reading {}
    }

    private ArcChainStructure() {}

    static Reading read(RawMessage message) {
        List<HeaderField> seals = message.headers("ARC-Seal");
        List<HeaderField> signatures = message.headers("ARC-Message-Signature");
        List<HeaderField> results = message.headers("ARC-Authentication-Results");
        if (seals.size() > MAX_INSTANCES || signatures.size() > MAX_INSTANCES || results.size() > MAX_INSTANCES) {
            return new Reading.Broken("more than " + MAX_INSTANCES + " ARC sets");
        }
        Map<Integer, HeaderField> sealByInstance = new TreeMap<>();
        Map<Integer, TagList> sealTags = new TreeMap<>();
        Map<Integer, HeaderField> signatureByInstance = new TreeMap<>();
        Map<Integer, HeaderField> resultsByInstance = new TreeMap<>();
        Map<Integer, String> payloads = new TreeMap<>();
        for (HeaderField seal : seals) {
            Optional<TagList> tags = tags(seal);
            Optional<Integer> i = tags.flatMap(t -> instance(t.get("i").orElse("")));
            if (i.isEmpty()) {
                return new Reading.Broken("ARC-Seal without a readable tag list and i=");
            }
            if (sealByInstance.put(i.get(), seal) != null) {
                return new Reading.Broken("two ARC-Seal fields with i=" + i.get());
            }
            sealTags.put(i.get(), tags.get());
        }
        for (HeaderField signature : signatures) {
            Optional<Integer> i = tags(signature).flatMap(t -> instance(t.get("i").orElse("")));
            if (i.isEmpty()) {
                return new Reading.Broken("ARC-Message-Signature without a readable tag list and i=");
            }
            if (signatureByInstance.put(i.get(), signature) != null) {
                return new Reading.Broken("two ARC-Message-Signature fields with i=" + i.get());
            }
        }
        for (HeaderField result : results) {
            Optional<ResultsPrefix> prefix = resultsPrefix(result.value());
            if (prefix.isEmpty()) {
                return new Reading.Broken("ARC-Authentication-Results does not start with i=n;");
            }
            int i = prefix.get().instance();
            if (resultsByInstance.put(i, result) != null) {
                return new Reading.Broken("two ARC-Authentication-Results fields with i=" + i);
            }
            payloads.put(i, prefix.get().payload());
        }
        int n = Math.max(sealByInstance.size(), Math.max(signatureByInstance.size(), resultsByInstance.size()));
        List<ArcSet> sets = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            if (!sealByInstance.containsKey(i) || !signatureByInstance.containsKey(i) || !resultsByInstance.containsKey(i)) {
                return new Reading.Broken("ARC set i=" + i + " is incomplete");
            }
            sets.add(new ArcSet(i, sealByInstance.get(i), sealTags.get(i), signatureByInstance.get(i),
                    resultsByInstance.get(i), payloads.get(i)));
        }
        return new Reading.Sets(sets);
    }

    private static Optional<TagList> tags(HeaderField field) {
        try {
            return Optional.of(TagList.parse(field.value()));
        } catch (TagSyntaxException e) {
            return Optional.empty();
        }
    }

    /** A decimal instance number 1..50, nothing else. */
    static Optional<Integer> instance(String value) {
        if (value.isEmpty() || value.length() > 2 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int i = Integer.parseInt(value);
        return i >= 1 && i <= MAX_INSTANCES ? Optional.of(i) : Optional.empty();
    }

    private record ResultsPrefix(int instance, String payload) {}

    /** {@code [FWS] "i" [FWS] "=" [FWS] 1*2DIGIT [FWS] ";"} then the A-R payload (RFC 8617 section 4.1.1). */
    private static Optional<ResultsPrefix> resultsPrefix(String value) {
        int semi = value.indexOf(';');
        if (semi < 0) {
            return Optional.empty();
        }
        String head = strip(value.substring(0, semi));
        int eq = head.indexOf('=');
        if (eq < 0 || !strip(head.substring(0, eq)).equals("i")) {
            return Optional.empty();
        }
        return instance(strip(head.substring(eq + 1)))
                .map(i -> new ResultsPrefix(i, unfold(value.substring(semi + 1))));
    }

    private static String strip(String s) {
        return s.strip();
    }

    /** The payload on one line: folding removed, surrounding whitespace trimmed. */
    private static String unfold(String s) {
        return s.replace("\r\n", "").strip();
    }
}
