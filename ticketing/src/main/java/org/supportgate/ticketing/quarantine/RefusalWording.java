package org.supportgate.ticketing.quarantine;

import java.util.ArrayList;
import java.util.List;
import org.supportgate.auth.trust.Assurance;

/**
 * The one line of a refusal notice that says why. It names the category and the assurance it
 * needs, never the trust signals: telling whoever holds a hijacked mailbox which check stopped
 * them would help them past it next time.
 */
final class RefusalWording {

    private RefusalWording() {}

    static String why(List<String> categories, Assurance required, boolean sensitive) {
        if (!sensitive || categories.isEmpty()) {
            return "the message did not pass email authentication (DMARC) for its From domain, so we cannot tell who sent it.";
        }
        List<String> names = new ArrayList<>();
        for (String category : categories) {
            names.add(category(category));
        }
        String what = String.join(" and ", names);
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " need " + proof(required)
                + ", which an email alone cannot give.";
    }

    static String category(String id) {
        return switch (id) {
            case "mail_routing" -> "mail routing changes";
            case "service_change" -> "service changes";
            case "sender_lists" -> "allow-list and block-list changes";
            case "mail_reports" -> "requests for mail logs and reports";
            case "account_access" -> "account access changes";
            default -> "requests of type " + printable(id);
        };
    }

    static String proof(Assurance required) {
        return switch (required) {
            case NONE -> "no proof";
            case EMAIL -> "authenticated email from a registered contact";
            case SIGNED -> "an S/MIME signature by your registered certificate";
            case SUPPORT_CODE -> "a support code from your console";
            case CONSOLE -> "a request made in the console";
        };
    }

    /** Policy ids are ours, but keep whatever reaches a notice to short, plain words. */
    private static String printable(String id) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < id.length() && out.length() < 40; i++) {
            char c = Character.toLowerCase(id.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
