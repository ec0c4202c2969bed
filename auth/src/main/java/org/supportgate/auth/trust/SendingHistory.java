package org.supportgate.auth.trust;

import java.util.List;
import java.util.Locale;

/**
 * Where a contact's authenticated mail has come from before. The gateway should add to it only
 * after a message proved the contact's identity, so spoofed mail cannot teach it new places.
 *
 * @param messagesSeen authenticated messages recorded for the contact; 0 for a first message
 * @param networks source networks seen
 * @param dkimKeys DKIM d=/s= pairs of passing signatures seen
 */
public record SendingHistory(long messagesSeen, List<SourceNetwork> networks, List<DkimKey> dkimKeys) {

    public SendingHistory {
        if (messagesSeen < 0) {
            throw new IllegalArgumentException("messagesSeen cannot be negative");
        }
        networks = List.copyOf(networks);
        dkimKeys = List.copyOf(dkimKeys);
    }

    public static SendingHistory empty() {
        return new SendingHistory(0, List.of(), List.of());
    }

    public boolean isEmpty() {
        return messagesSeen == 0;
    }

    /** A DKIM signing domain and selector pair. */
    public record DkimKey(String domain, String selector) {
        public DkimKey {
            domain = domain.toLowerCase(Locale.ROOT);
            selector = selector.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "d=" + domain + " s=" + selector;
        }
    }
}
