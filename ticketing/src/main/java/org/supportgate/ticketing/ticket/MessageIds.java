package org.supportgate.ticketing.ticket;

/** Message-IDs as we store and compare them: without angle brackets or surrounding space. */
public final class MessageIds {

    /** Longer ids are cut: RFC 5322 lines are at most 998 characters anyway. */
    static final int MAX_LENGTH = 998;

    private MessageIds() {}

    public static String bare(String id) {
        if (id == null) {
            return "";
        }
        String s = id.strip();
        if (s.startsWith("<")) {
            s = s.substring(1);
        }
        if (s.endsWith(">")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.strip();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }
}
