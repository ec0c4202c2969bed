package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SupportgateApplication;

/** Ticket numbers against the database's UNIQUE constraint (in the ticket package, for its internals). */
@ContextConfiguration(classes = SupportgateApplication.class)
class TicketStoreTest extends GatewayTest {

    private long insertWith(TicketNumbers numbers) {
        return new TicketStore(jdbc, numbers).insert(null, "alice@partner.example", null, "s", Assurance.EMAIL,
                Assurance.EMAIL, List.of("delivery"), Instant.now());
    }

    private String number(long id) {
        return jdbc.sql("SELECT number FROM ticket WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void drawsAgainWhenANumberIsTakenWithoutAbortingTheTransaction() {
        long seed = System.nanoTime();
        long first = insertWith(new TicketNumbers(new Random(seed)));
        // The same seed draws the same first number, which is taken now: the store must draw again.
        long second = insertWith(new TicketNumbers(new Random(seed)));
        assertThat(number(second)).isNotEqualTo(number(first));
        assertThat(TicketNumbers.isWellFormed(number(second))).isTrue();
        assertThat(jdbc.sql("SELECT categories[1] FROM ticket WHERE id = ?").param(second).query(String.class).single())
                .isEqualTo("delivery");
    }
}
