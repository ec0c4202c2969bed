package org.supportgate.auth.trust;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.IDNA;
import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One domain in the forms the lookalike checks compare: A-labels, Unicode (UTS #46), the UTS #39
 * confusable skeleton, and the label that carries the owner's name.
 *
 * <p>There is no Public Suffix List here (DMARC in this project uses the DNS tree walk instead),
 * so the name label is found by a rule of thumb: the label left of the top-level domain, or left
 * of a generic second level ({@code co}, {@code com}, ...) under a two-letter country code
 * ({@code acme.co.uk}, {@code acme.com.au}).
 *
 * @param ascii the domain in lower-case A-labels, at most 253 characters
 * @param unicode the domain with A-labels decoded; the ASCII form when decoding failed
 * @param skeleton the confusable skeleton of {@code unicode}
 * @param labels the labels of {@code unicode}
 * @param labelSkeletons the skeleton of each label, computed once because every partner
 *     comparison reads them
 * @param nameIndex index in {@code labels} of the owner's name label
 * @param international at least one label is an A-label ({@code xn--})
 * @param decodable every A-label decoded without error
 */
record DomainForm(String ascii, String unicode, String skeleton, List<String> labels,
        List<String> labelSkeletons, int nameIndex,
        boolean international, boolean decodable) {

    static final int MAX_DOMAIN_LENGTH = 253;

    private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder().build();
    private static final IDNA IDNA_UTS46 = IDNA.getUTS46Instance(
            IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ);
    private static final Set<String> GENERIC_SECOND_LEVELS =
            Set.of("co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "mil", "gob", "nom");

    DomainForm {
        labels = List.copyOf(labels);
        labelSkeletons = List.copyOf(labelSkeletons);
    }

    static DomainForm of(String domain) {
        String ascii = domain.toLowerCase(Locale.ROOT);
        if (ascii.length() > MAX_DOMAIN_LENGTH) {
            ascii = ascii.substring(0, MAX_DOMAIN_LENGTH);
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        IDNA.Info info = new IDNA.Info();
        StringBuilder decoded = new StringBuilder();
        IDNA_UTS46.nameToUnicode(ascii, decoded, info);
        boolean decodable = !info.hasErrors();
        // A name that does not decode is compared as written: the attacker gains nothing from
        // breaking the punycode, since the raw labels still go through every other comparison.
        String unicode = decodable ? decoded.toString() : ascii;
        List<String> labels = labelsOf(unicode);
        boolean international = ascii.startsWith("xn--") || ascii.contains(".xn--");
        List<String> labelSkeletons = labels.stream().map(DomainForm::skeleton).toList();
        return new DomainForm(ascii, unicode, skeleton(unicode), labels, labelSkeletons, nameIndex(labels),
                international, decodable);
    }

    /** The UTS #39 skeleton: two strings with equal skeletons are visually confusable. */
    static String skeleton(String text) {
        return SPOOF_CHECKER.getSkeleton(text);
    }

    /** The decoded name has non-ASCII characters: a confusable match is then an IDN homograph. */
    boolean nonAscii() {
        return unicode.chars().anyMatch(c -> c > 0x7F);
    }

    String name() {
        return labels.get(nameIndex);
    }

    String nameSkeleton() {
        return labelSkeletons.get(nameIndex);
    }

    /** The name label and the suffix after it: the part someone registered. */
    String registrable() {
        return String.join(".", labels.subList(nameIndex, labels.size()));
    }

    /** True when this domain is {@code other} or a name under it. */
    boolean isWithin(String otherAscii) {
        return ascii.equals(otherAscii) || ascii.endsWith("." + otherAscii);
    }

    /** The scripts of the letters in the Unicode form, for evidence ("Cyrillic, Latin"). */
    String scripts() {
        Set<String> names = new TreeSet<>();
        unicode.codePoints().filter(Character::isLetter).forEach(cp -> {
            int script = UScript.getScript(cp);
            if (script != UScript.COMMON && script != UScript.INHERITED) {
                names.add(UScript.getName(script));
            }
        });
        return String.join(", ", names);
    }

    /** Splits on dots by hand: no regular expression on untrusted input. */
    static List<String> labelsOf(String domain) {
        List<String> labels = new ArrayList<>();
        int start = 0;
        for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', start)) {
            labels.add(domain.substring(start, dot));
            start = dot + 1;
        }
        labels.add(domain.substring(start));
        return labels;
    }

    private static int nameIndex(List<String> labels) {
        int last = labels.size() - 1;
        if (last == 0) {
            return 0;
        }
        boolean genericUnderCountry = labels.size() >= 3
                && labels.get(last).length() == 2
                && GENERIC_SECOND_LEVELS.contains(labels.get(last - 1));
        return genericUnderCountry ? last - 2 : last - 1;
    }
}
