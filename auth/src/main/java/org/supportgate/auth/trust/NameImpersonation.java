package org.supportgate.auth.trust;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a known contact's name, or a known contact's address written as a display name, on
 * mail from another address: the display name is what a reader sees first, and it is free text.
 *
 * <p>Names are compared by key: case-folded (NFKC), split into words at anything that is not a
 * letter or digit, each word reduced to its confusable skeleton, words sorted. So "Doe, Jane",
 * "JANE DOE" and "Jаne Doe" with a Cyrillic а are the same name.
 */
final class NameImpersonation {

    /** Keys with fewer letters than this ("Al", "IT") name too many people to mean anyone. */
    static final int MIN_KEY_LETTERS = 3;

    private static final Normalizer2 CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();

    record Match(String shownName, String knownAddress, boolean addressInName) {}

    record Findings(List<Match> matches, int compared, int total) {
        boolean incomplete() {
            return compared < total;
        }
    }

    private NameImpersonation() {}

    static Findings find(FromIdentity from, List<KnownContactName> known, TrustPolicy policy) {
        int compared = Math.min(known.size(), policy.maxContactNames());
        String display = truncate(from.displayName(), policy.maxNameLength());
        String fromAddress = from.address().toLowerCase(Locale.ROOT);
        Optional<String> shownKey = key(display);
        Set<String> shownAddresses = addressesIn(display);

        // The owners of the shown name, and every known address: one pass over the directory.
        Set<String> owners = new HashSet<>();
        Set<String> knownAddresses = new HashSet<>();
        for (KnownContactName contact : known.subList(0, compared)) {
            String address = contact.address().toLowerCase(Locale.ROOT);
            knownAddresses.add(address);
            if (shownKey.isPresent()
                    && key(truncate(contact.displayName(), policy.maxNameLength())).equals(shownKey)) {
                owners.add(address);
            }
        }
        List<Match> matches = new ArrayList<>();
        if (!owners.isEmpty() && !owners.contains(fromAddress)) {
            matches.add(new Match(display, owners.stream().sorted().findFirst().orElseThrow(), false));
        }
        shownAddresses.stream().sorted()
                .filter(knownAddresses::contains)
                .filter(address -> !address.equals(fromAddress))
                .findFirst()
                .ifPresent(address -> matches.add(new Match(display, address, true)));
        return new Findings(matches, compared, known.size());
    }

    /** The comparison key of a name; empty when it has too few letters to identify anyone. */
    static Optional<String> key(String name) {
        String folded = CASE_FOLD.normalize(name);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int letters = 0;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
                letters++;
            } else if (!word.isEmpty()) {
                words.add(DomainForm.skeleton(word.toString()));
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(DomainForm.skeleton(word.toString()));
        }
        if (letters < MIN_KEY_LETTERS) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", words.stream().sorted().toList()));
    }

    /** Address-like words in a display name ("jane@acme.example" in quotes or brackets). */
    private static Set<String> addressesIn(String display) {
        Set<String> addresses = new HashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= display.length(); i++) {
            char c = i < display.length() ? display.charAt(i) : ' ';
            if (Character.isWhitespace(c) || "<>\"'(),;:[]".indexOf(c) >= 0) {
                if (word.indexOf("@") > 0) {
                    addresses.add(word.toString().toLowerCase(Locale.ROOT));
                }
                word.setLength(0);
            } else {
                word.append(c);
            }
        }
        return addresses;
    }

    private static String truncate(String text, int maxCodePoints) {
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
    }
}
