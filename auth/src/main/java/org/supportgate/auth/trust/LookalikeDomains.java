package org.supportgate.auth.trust;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the partner domains a From domain imitates. A domain that is a partner domain, or a name
 * under one, imitates nothing: it belongs to a partner, and partners are added by staff.
 */
final class LookalikeDomains {

    /** Names shorter than this are compared only as whole skeletons, never as words. */
    static final int MIN_WORD_NAME_LENGTH = 3;

    enum Technique {
        CONFUSABLE_SKELETON("confusable skeleton"),
        IDN_HOMOGRAPH("IDN homograph"),
        EMBEDDED_DOMAIN("partner domain embedded in another domain"),
        NAME_AS_LABEL("partner name as a label of another domain"),
        OTHER_SUFFIX("same name under another suffix"),
        SWAPPED_WORDS("swapped words"),
        JOINED_OR_SPLIT_WORDS("words joined or split"),
        ADDED_WORDS("added words"),
        EDIT_DISTANCE("edit distance");

        final String description;

        Technique(String description) {
            this.description = description;
        }
    }

    record Lookalike(KnownPartnerDomain partner, Technique technique) {}

    /**
     * @param lookalikes the imitated partner domains, at most the policy's signal limit
     * @param compared how many partner domains were compared
     * @param total how many the directory holds; more than {@code compared} means incomplete
     */
    record Findings(DomainForm from, List<Lookalike> lookalikes, int compared, int total) {
        boolean incomplete() {
            return compared < total;
        }
    }

    private LookalikeDomains() {}

    static Findings find(String fromDomain, List<KnownPartnerDomain> partners, TrustPolicy policy) {
        DomainForm from = DomainForm.of(fromDomain);
        Set<String> partnerDomains = new HashSet<>();
        for (KnownPartnerDomain partner : partners) {
            partnerDomains.add(partner.domain());
        }
        if (isPartnerOwned(from.ascii(), partnerDomains)) {
            return new Findings(from, List.of(), partners.size(), partners.size());
        }
        List<Lookalike> found = new ArrayList<>();
        int compared = Math.min(partners.size(), policy.maxPartnerDomains());
        for (KnownPartnerDomain partner : partners.subList(0, compared)) {
            if (found.size() == policy.maxLookalikeSignals()) {
                break;
            }
            technique(from, DomainForm.of(partner.domain()), policy)
                    .ifPresent(t -> found.add(new Lookalike(partner, t)));
        }
        return new Findings(from, found, compared, partners.size());
    }

    private static boolean isPartnerOwned(String ascii, Set<String> partnerDomains) {
        for (String suffix = ascii; ; ) {
            if (partnerDomains.contains(suffix)) {
                return true;
            }
            int dot = suffix.indexOf('.');
            if (dot < 0) {
                return false;
            }
            suffix = suffix.substring(dot + 1);
        }
    }

    /** The first technique by which {@code from} imitates {@code partner}, strongest evidence first. */
    static Optional<Technique> technique(DomainForm from, DomainForm partner, TrustPolicy policy) {
        if (from.isWithin(partner.ascii())) {
            return Optional.empty();
        }
        String skeleton = from.skeleton();
        String partnerSkeleton = partner.skeleton();
        if (skeleton.equals(partnerSkeleton) || skeleton.endsWith("." + partnerSkeleton)) {
            return Optional.of(from.nonAscii() ? Technique.IDN_HOMOGRAPH : Technique.CONFUSABLE_SKELETON);
        }
        if (("." + skeleton + ".").contains("." + partnerSkeleton + ".")) {
            return Optional.of(Technique.EMBEDDED_DOMAIN);
        }
        String name = from.nameSkeleton();
        String partnerName = partner.nameSkeleton();
        int partnerNameLength = partner.name().codePointCount(0, partner.name().length());
        if (partnerNameLength >= MIN_WORD_NAME_LENGTH) {
            Optional<Technique> byWords = byWords(from, partner, name, partnerName, policy);
            if (byWords.isPresent()) {
                return byWords;
            }
        }
        int allowed = partnerNameLength >= policy.longNameLength() ? policy.longNameDistance()
                : partnerNameLength >= policy.shortNameLength() ? policy.shortNameDistance()
                : 0;
        if (allowed > 0) {
            // Raw and skeleton distances differ when a letter has a multi-letter skeleton
            // ("m" is "rn"); the smaller one is the honest measure of how alike they look.
            int distance = Math.min(
                    EditDistance.between(from.name(), partner.name(), allowed),
                    EditDistance.between(name, partnerName, allowed));
            if (distance > 0 && distance <= allowed) {
                return Optional.of(Technique.EDIT_DISTANCE);
            }
        }
        return Optional.empty();
    }

    private static Optional<Technique> byWords(DomainForm from, DomainForm partner, String name, String partnerName,
            TrustPolicy policy) {
        if (name.equals(partnerName)) {
            return Optional.of(Technique.OTHER_SUFFIX);
        }
        for (int i = 0; i < from.nameIndex(); i++) {
            if (from.labelSkeletons().get(i).equals(partnerName)) {
                return Optional.of(Technique.NAME_AS_LABEL);
            }
        }
        List<String> words = words(name);
        List<String> partnerWords = words(partnerName);
        if (words.size() > 1 && words.size() == partnerWords.size()
                && sorted(words).equals(sorted(partnerWords))) {
            return Optional.of(Technique.SWAPPED_WORDS);
        }
        String joined = String.join("", words);
        String partnerJoined = String.join("", partnerWords);
        if (joined.equals(partnerJoined)) {
            return Optional.of(Technique.JOINED_OR_SPLIT_WORDS);
        }
        if (words.size() > partnerWords.size() && containsAll(words, partnerWords)) {
            return Optional.of(Technique.ADDED_WORDS);
        }
        String partnerLetters = partner.name().replace("-", "");
        if (partnerLetters.codePointCount(0, partnerLetters.length()) >= policy.joinedWordLength()
                && joined.contains(partnerJoined)) {
            return Optional.of(Technique.ADDED_WORDS);
        }
        return Optional.empty();
    }

    /** The hyphen-separated words of a label. */
    private static List<String> words(String label) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int dash = label.indexOf('-'); dash >= 0; dash = label.indexOf('-', start)) {
            if (dash > start) {
                words.add(label.substring(start, dash));
            }
            start = dash + 1;
        }
        if (start < label.length()) {
            words.add(label.substring(start));
        }
        return words;
    }

    private static List<String> sorted(List<String> words) {
        return words.stream().sorted().toList();
    }

    private static boolean containsAll(List<String> words, List<String> required) {
        List<String> remaining = new ArrayList<>(words);
        for (String word : required) {
            if (!remaining.remove(word)) {
                return false;
            }
        }
        return true;
    }
}
