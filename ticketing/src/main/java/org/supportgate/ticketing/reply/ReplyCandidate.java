package org.supportgate.ticketing.reply;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the reply rules read from an inbound message.
 *
 * @param mailFrom the SMTP reverse-path, empty for the null sender
 * @param fromAddress the From address, the one a reply would go to
 * @param headers the header fields the rules read; names match ignoring case
 * @param authenticated whether the From domain authenticated
 */
public record ReplyCandidate(String mailFrom, String fromAddress, Map<String, String> headers, boolean authenticated) {

    public ReplyCandidate {
        mailFrom = mailFrom == null ? "" : mailFrom.strip();
        fromAddress = fromAddress == null ? "" : fromAddress.strip();
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                caseless.put(name, value);
            }
        });
        headers = Collections.unmodifiableMap(caseless);
    }

    String header(String name) {
        String value = headers.get(name);
        return value == null ? "" : value.strip();
    }
}
