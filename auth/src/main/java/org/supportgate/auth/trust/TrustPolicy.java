package org.supportgate.auth.trust;

/**
 * Thresholds and work limits for {@link SenderTrust}.
 *
 * @param contactBurstLimit sensitive requests one contact may send in the window before a burst
 *     is signalled
 * @param partnerBurstLimit the same for all contacts of one partner together
 * @param longNameLength a partner name at least this long allows {@code longNameDistance}
 * @param longNameDistance edit distance that still counts as a lookalike for long names
 * @param shortNameLength a partner name at least this long (and shorter than
 *     {@code longNameLength}) allows {@code shortNameDistance}; shorter names are compared only
 *     by skeleton and words, since one edit turns most two- or three-letter names into others
 * @param shortNameDistance edit distance that still counts as a lookalike for short names
 * @param joinedWordLength a partner name at least this long is looked for inside longer labels
 *     ("acmesupport"); shorter ones hide in ordinary words too often
 * @param maxPartnerDomains partner domains compared; beyond that the check is incomplete
 * @param maxContactNames known contact names compared; beyond that the check is incomplete
 * @param maxAddresses Reply-To addresses examined; beyond that the check is incomplete
 * @param maxNameLength code points of a display name that are compared
 * @param maxLookalikeSignals lookalike signals reported; the first ones are enough evidence
 */
public record TrustPolicy(
        int contactBurstLimit,
        int partnerBurstLimit,
        int longNameLength,
        int longNameDistance,
        int shortNameLength,
        int shortNameDistance,
        int joinedWordLength,
        int maxPartnerDomains,
        int maxContactNames,
        int maxAddresses,
        int maxNameLength,
        int maxLookalikeSignals) {

    public TrustPolicy {
        if (contactBurstLimit < 1 || partnerBurstLimit < 1 || longNameLength < shortNameLength
                || shortNameLength < 1 || longNameDistance < 0 || shortNameDistance < 0
                || joinedWordLength < 1 || maxPartnerDomains < 1 || maxContactNames < 1
                || maxAddresses < 1 || maxNameLength < 1 || maxLookalikeSignals < 1) {
            throw new IllegalArgumentException("invalid trust policy: " + this);
        }
    }

    /**
     * Defaults: three sensitive requests per contact and ten per partner an hour; distance 2 for
     * names of six or more characters, 1 from four; 20,000 partner domains and 50,000 contact
     * names, which keeps one evaluation well under a second of CPU.
     */
    public static TrustPolicy defaults() {
        return new TrustPolicy(3, 10, 6, 2, 4, 1, 4, 20_000, 50_000, 16, 200, 5);
    }
}
