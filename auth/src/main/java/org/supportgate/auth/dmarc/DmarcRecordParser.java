package org.supportgate.auth.dmarc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the text of a {@code _dmarc} TXT record (its character-strings already concatenated, as
 * RFC 9989 section 4.5 requires) into a {@link DmarcRecord}. Plain parsing, linear in the input.
 */
final class DmarcRecordParser {

    /** Far above any real record; longer TXT data is not read as DMARC at all. */
    static final int MAX_RECORD = 8192;

    private DmarcRecordParser() {}

    /**
     * True when the text starts with the version tag {@code v=DMARC1} (section 4.7: "It MUST be
     * the first tag"; section 4.8: {@code dmarc-version = "v" equals %s"DMARC1"}, the value case
     * sensitive). Records failing this are discarded before the "multiple records" rule of
     * section 4.10 step 2 is applied.
     */
    static boolean isDmarcRecord(String txt) {
        if (txt.length() > MAX_RECORD || txt.isEmpty()) {
            return false;
        }
        int i = 0;
        char first = txt.charAt(i++);
        if (first != 'v' && first != 'V') {
            return false;
        }
        i = skipWsp(txt, i);
        if (i >= txt.length() || txt.charAt(i) != '=') {
            return false;
        }
        i = skipWsp(txt, i + 1);
        if (!txt.startsWith("DMARC1", i)) {
            return false;
        }
        i = skipWsp(txt, i + "DMARC1".length());
        return i == txt.length() || txt.charAt(i) == ';';
    }

    /** The record, or empty when the text is not a DMARC Policy Record. */
    static Optional<DmarcRecord> parse(String txt) {
        if (!isDmarcRecord(txt)) {
            return Optional.empty();
        }
        String[] parts = txt.split(";", -1);
        Optional<String> p = Optional.empty();
        Optional<String> sp = Optional.empty();
        Optional<String> np = Optional.empty();
        AlignmentMode adkim = AlignmentMode.RELAXED;
        AlignmentMode aspf = AlignmentMode.RELAXED;
        PsdFlag psd = PsdFlag.UNKNOWN;
        boolean testing = false;
        boolean validRua = false;
        Set<String> seen = new HashSet<>();
        // parts[0] is the version tag, checked above.
        for (int k = 1; k < parts.length; k++) {
            String part = stripWsp(parts[k]);
            int eq = part.indexOf('=');
            if (eq <= 0) {
                // An empty part is the optional trailing separator; anything else is a syntax
                // error, which section 4.7 says is "ignored outright".
                continue;
            }
            String name = stripWsp(part.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = stripWsp(part.substring(eq + 1));
            if (!isTagName(name) || !seen.add(name)) {
                // Not 1*ALPHA, or a repeated tag: the first occurrence stands and the rest is a
                // syntax error in the remainder of the record, ignored (section 4.7).
                continue;
            }
            boolean wellFormed = isTagValue(value);
            switch (name) {
                // p, sp and np keep their raw text: an invalid value changes how the whole record
                // may be used (section 4.10.1), so it is judged below, not defaulted here.
                case "p" -> p = Optional.of(wellFormed ? value : "");
                case "sp" -> sp = Optional.of(wellFormed ? value : "");
                case "np" -> np = Optional.of(wellFormed ? value : "");
                case "adkim" -> adkim = wellFormed ? alignment(value, adkim) : adkim;
                case "aspf" -> aspf = wellFormed ? alignment(value, aspf) : aspf;
                case "psd" -> psd = wellFormed ? psd(value) : psd;
                case "t" -> testing = wellFormed && value.equalsIgnoreCase("y");
                case "rua" -> validRua = wellFormed && hasValidUri(value);
                default -> {
                    // ruf, fo and unregistered tags: reporting is not done here; unknown tags
                    // MUST be ignored (section 4.7).
                }
            }
        }
        return Optional.of(resolve(p, sp, np, adkim, aspf, psd, testing, validRua));
    }

    /**
     * Section 4.7 ("p"): an absent {@code p} is read as {@code p=none}. Section 4.10.1: an invalid
     * {@code p}, {@code sp} or {@code np} means "act as p=none" when {@code rua} has a valid URI,
     * otherwise the record gives no DMARC processing at all.
     */
    private static DmarcRecord resolve(Optional<String> p, Optional<String> sp, Optional<String> np,
            AlignmentMode adkim, AlignmentMode aspf, PsdFlag psd, boolean testing, boolean validRua) {
        Optional<DmarcPolicy> pValue = p.flatMap(DmarcPolicy::parse);
        Optional<DmarcPolicy> spValue = sp.flatMap(DmarcPolicy::parse);
        Optional<DmarcPolicy> npValue = np.flatMap(DmarcPolicy::parse);
        boolean allValid = (p.isEmpty() || pValue.isPresent())
                && (sp.isEmpty() || spValue.isPresent())
                && (np.isEmpty() || npValue.isPresent());
        if (allValid) {
            return new DmarcRecord(pValue.orElse(DmarcPolicy.NONE), spValue, npValue,
                    adkim, aspf, psd, testing, DmarcRecord.Use.AS_PUBLISHED);
        }
        DmarcRecord.Use use = validRua ? DmarcRecord.Use.AS_P_NONE : DmarcRecord.Use.NOT_APPLICABLE;
        return new DmarcRecord(DmarcPolicy.NONE, Optional.empty(), Optional.empty(),
                adkim, aspf, psd, testing, use);
    }

    private static AlignmentMode alignment(String value, AlignmentMode fallback) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "r" -> AlignmentMode.RELAXED;
            case "s" -> AlignmentMode.STRICT;
            default -> fallback;
        };
    }

    /** An invalid value falls back to the default {@code u} (section 4.7: syntax errors). */
    private static PsdFlag psd(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "y" -> PsdFlag.YES;
            case "n" -> PsdFlag.NO;
            default -> PsdFlag.UNKNOWN;
        };
    }

    /** dmarc-urilist of section 4.8: comma-separated URIs; one valid absolute URI is enough. */
    private static boolean hasValidUri(String value) {
        for (String candidate : value.split(",", -1)) {
            String uri = stripWsp(candidate);
            if (uri.isEmpty()) {
                continue;
            }
            try {
                URI parsed = new URI(uri);
                if (parsed.getScheme() != null && parsed.getSchemeSpecificPart() != null
                        && !parsed.getSchemeSpecificPart().isEmpty()) {
                    return true;
                }
            } catch (URISyntaxException invalid) {
                // This URI does not count; another in the list may.
            }
        }
        return false;
    }

    private static boolean isTagName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /** 1*dmarc-value: printable US-ASCII and space, semicolons already split off. */
    private static boolean isTagValue(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static int skipWsp(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String stripWsp(String s) {
        int start = skipWsp(s, 0);
        int end = s.length();
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
