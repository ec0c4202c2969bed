package org.supportgate.auth.policy;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;

/**
 * The parts of a message the classifier reads, normalised for matching: the subject, the new text
 * the sender wrote, and the quoted or forwarded text below it. Signatures and disclaimers belong
 * to neither.
 *
 * <p>The gateway passes text already derived from MIME and HTML, but senders and their clients
 * leave remnants (tags, entities, quoted-printable escapes, encoded words in a subject), so those
 * are undone here as far as needed to read words; nothing else relies on this decoding.
 *
 * @param subject the subject, or empty when it is a reply's ({@code Re:}, {@code AW:}...) subject,
 *     which echoes an older request and goes to {@code quoted} instead
 * @param fresh the new text
 * @param quoted quoted replies and forwarded messages, quote marks removed
 */
record MessageText(String subject, String fresh, String quoted) {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]{1,40})\\?([bBqQ])\\?([^?\\s]{0,1000})\\?=");
    private static final Pattern QP_ESCAPES = Pattern.compile("(?:=[0-9A-F]{2})+");
    private static final Pattern QP_HINT = Pattern.compile("=(?:[0-9A-F]{2}=[0-9A-F]{2}|20\\r?\\n|\\r?\\n)");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?i)<\\s*/?\\s*(?:br|p|div|li|tr|table|blockquote|h[1-6])\\b[^<>]{0,500}>");
    private static final Pattern ANY_TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^<>]{0,500}>");
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));");

    /** Reads a message's subject and body the way the rules say. */
    static MessageText of(String subject, String body, ClassifierRules rules) {
        int max = rules.limits().maxChars();
        String subjectText = normalise(decodeRemnants(decodeEncodedWords(cap(subject, 2048))));
        String bodyText = normalise(decodeRemnants(cap(body, max)));

        StringBuilder fresh = new StringBuilder();
        StringBuilder quoted = new StringBuilder();
        ClassifierRules.TextMarkers markers = rules.text();
        boolean replySubject = markers.replySubject().foundIn(subjectText);
        if (replySubject) {
            quoted.append(subjectText).append('\n');
        }

        String[] lines = bodyText.split("\n", -1);
        boolean quoting = false;
        boolean signature = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (quoting) {
                quoted.append(withoutQuoteMarks(line)).append('\n');
                continue;
            }
            if (line.startsWith(">")) {
                quoted.append(withoutQuoteMarks(line)).append('\n');
                continue;
            }
            if (startsQuote(lines, i, markers)) {
                quoting = true;
                quoted.append(line).append('\n');
                continue;
            }
            if (signature) {
                continue;
            }
            if (line.equals("--") || markers.signoffs().foundIn(line) || markers.disclaimers().foundIn(line)) {
                // Text below a sign-off is a signature block or a disclaimer; a quote may still follow.
                signature = true;
                continue;
            }
            fresh.append(line).append('\n');
        }
        return new MessageText(replySubject ? "" : subjectText, fresh.toString().strip(), quoted.toString().strip());
    }

    private static boolean startsQuote(String[] lines, int i, ClassifierRules.TextMarkers markers) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.length() > 400) {
            return false;
        }
        if (markers.quoteHeaders().foundIn(line)) {
            return true;
        }
        // Mail clients wrap a long "On <date>, <name> wrote:" over two lines.
        if (i + 1 < lines.length && markers.quoteHeaders().foundIn(line + " " + lines[i + 1].strip())) {
            return true;
        }
        if (markers.forwardedFrom().foundIn(line)) {
            for (int j = i + 1; j < lines.length && j <= i + 5; j++) {
                if (markers.forwardedSent().foundIn(lines[j].strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String withoutQuoteMarks(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '>' || line.charAt(i) == ' ')) {
            i++;
        }
        return line.substring(i);
    }

    private static String cap(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Undoes RFC 2047 encoded words, which some gateways leave in a subject. */
    static String decodeEncodedWords(String subject) {
        Matcher m = ENCODED_WORD.matcher(subject);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(subject, last, m.start());
            out.append(decodeWord(m.group(2), m.group(3), m.group(0)));
            last = m.end();
        }
        out.append(subject, last, subject.length());
        return out.toString();
    }

    private static String decodeWord(String encoding, String text, String original) {
        try {
            if (encoding.equalsIgnoreCase("b")) {
                return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            }
            return decodeQuotedPrintable(text.replace('_', ' '));
        } catch (IllegalArgumentException e) {
            // Not decodable: read the words as they stand.
            return original;
        }
    }

    /** Undoes quoted-printable escapes, HTML tags and entities left in text. */
    static String decodeRemnants(String text) {
        String out = text.replace("\r\n", "\n").replace('\r', '\n');
        if (QP_HINT.matcher(out).find()) {
            out = out.replace("=\n", "");
            out = decodeQuotedPrintable(out);
        }
        if (out.indexOf('<') >= 0) {
            out = BLOCK_TAG.matcher(out).replaceAll("\n");
            out = ANY_TAG.matcher(out).replaceAll(" ");
        }
        if (out.indexOf('&') >= 0) {
            out = decodeEntities(out);
        }
        return out;
    }

    private static String decodeQuotedPrintable(String text) {
        Matcher m = QP_ESCAPES.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String run = m.group();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(run.length() / 3);
            for (int i = 0; i < run.length(); i += 3) {
                bytes.write(Integer.parseInt(run.substring(i + 1, i + 3), 16));
            }
            out.append(bytes.toString(StandardCharsets.UTF_8));
            last = m.end();
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            out.append(entity(m));
            last = m.end();
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    private static String entity(Matcher m) {
        if (m.group(1) != null || m.group(2) != null) {
            int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
            return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : " ";
        }
        return switch (m.group(3).toLowerCase(Locale.ROOT)) {
            case "nbsp" -> " ";
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> m.group();
        };
    }

    /**
     * Lower case, accents removed, typographic quotes and dashes made plain, control characters
     * made spaces: rules are written once in this form and match every spelling of it.
     */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            switch (c) {
                case '\u2018', '\u2019', '\u201B', '\u00B4', '`' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> out.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> out.append('-');
                case '\u00A0', '\u2007', '\u202F', '\t' -> out.append(' ');
                case '\n' -> out.append('\n');
                default -> {
                    if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                            || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                        out.append(' ');
                    } else {
                        out.append(Character.toLowerCase(c));
                    }
                }
            }
        }
        return out.toString();
    }
}
