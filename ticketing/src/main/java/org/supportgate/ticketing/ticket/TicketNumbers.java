package org.supportgate.ticketing.ticket;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Ticket numbers: {@code SG-} and six characters drawn at random from 30 that cannot be misread
 * for one another (no 0/O, 1/I/L, U). 30^6 is about 729 million, so one number tells nothing about
 * the next; uniqueness is the database's UNIQUE constraint, and a clash draws again.
 */
@Component
public final class TicketNumbers {

    public static final String PREFIX = "SG-";
    static final int RANDOM_LENGTH = 6;
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final RandomGenerator random;

    @Autowired
    public TicketNumbers() {
        this(new SecureRandom());
    }

    TicketNumbers(RandomGenerator random) {
        this.random = random;
    }

    public String next() {
        char[] out = new char[RANDOM_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return PREFIX + new String(out);
    }

    /** True if the text is a ticket number in canonical form (checked before it reaches SQL). */
    public static boolean isWellFormed(String text) {
        if (text == null || text.length() != PREFIX.length() + RANDOM_LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The canonical form of a number someone typed (case ignored), if it is one. */
    static String canonical(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return isWellFormed(upper) ? upper : "";
    }
}
