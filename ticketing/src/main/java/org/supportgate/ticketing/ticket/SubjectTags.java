package org.supportgate.ticketing.ticket;

import java.util.ArrayList;
import java.util.List;

/**
 * The bracketed tags in a subject line, ours ({@code [SG-XXXXXX]}) told apart from other
 * helpdesks' ({@code [#1234]}, {@code [Ticket#99]}). A hand-written single pass: linear in the
 * subject's length, whatever the subject holds.
 *
 * @param ours our ticket numbers, in order of appearance, each once
 * @param foreign how many other bracketed tags there are
 * @param withoutOurs the subject with our tags taken out (other helpdesks' tags stay)
 */
public record SubjectTags(List<String> ours, int foreign, String withoutOurs) {

    /** Longer bracketed text is not a tag, and we stop looking after MAX_TAGS tags. */
    private static final int MAX_TAG_LENGTH = 40;
    private static final int MAX_TAGS = 16;

    public SubjectTags {
        ours = List.copyOf(ours);
    }

    public static SubjectTags of(String subject) {
        List<String> ours = new ArrayList<>();
        if (subject == null) {
            return new SubjectTags(ours, 0, "");
        }
        StringBuilder rest = new StringBuilder(subject.length());
        int foreign = 0;
        int i = 0;
        int seen = 0;
        while (i < subject.length()) {
            int open = seen < MAX_TAGS ? subject.indexOf('[', i) : -1;
            int close = open < 0 ? -1 : closingBracket(subject, open + 1);
            if (open < 0) {
                rest.append(subject, i, subject.length());
                break;
            }
            if (close < 0) {
                rest.append(subject, i, open + 1);
                i = open + 1;
                continue;
            }
            seen++;
            String number = TicketNumbers.canonical(subject.substring(open + 1, close).strip());
            if (number.isEmpty()) {
                foreign++;
                rest.append(subject, i, close + 1);
            } else {
                rest.append(subject, i, open);
                if (!ours.contains(number)) {
                    ours.add(number);
                }
            }
            i = close + 1;
        }
        return new SubjectTags(ours, foreign, collapseSpaces(rest));
    }

    /** Stacked tags: ours and someone else's in one subject, the mark of two helpdesks talking. */
    public boolean stacked() {
        return !ours.isEmpty() && foreign > 0;
    }

    /** The index of the ']' closing a tag opened just before {@code from}, or -1 if it is not a tag. */
    private static int closingBracket(String subject, int from) {
        int limit = Math.min(subject.length(), from + MAX_TAG_LENGTH + 1);
        for (int j = from; j < limit; j++) {
            char c = subject.charAt(j);
            if (c == ']') {
                return j;
            }
            if (c == '[') {
                return -1;
            }
        }
        return -1;
    }

    private static String collapseSpaces(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' ')) {
                continue;
            }
            out.append(c);
        }
        return out.toString().strip();
    }
}
