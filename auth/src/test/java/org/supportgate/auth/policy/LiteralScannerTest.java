package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiteralScannerTest {

    @Test
    void findsOverlappingAndNestedLiterals() {
        LiteralScanner scanner = new LiteralScanner(List.of("he", "she", "his", "hers", "s", "ß"));
        assertThat(scanner.scan("ushers")).containsExactly(true, true, false, true, true, false);
        assertThat(scanner.scan("gruße")).containsExactly(false, false, false, false, false, true);
        assertThat(scanner.scan("")).containsExactly(false, false, false, false, false, false);
    }

    @Test
    void agreesWithContainsOnRandomText() {
        Random random = new Random(7);
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            literals.add(randomText(random, 1 + random.nextInt(5)));
        }
        LiteralScanner scanner = new LiteralScanner(literals);
        for (int round = 0; round < 2_000; round++) {
            String text = randomText(random, random.nextInt(60));
            boolean[] present = scanner.scan(text);
            for (int id = 0; id < literals.size(); id++) {
                assertThat(present[id]).as(literals.get(id) + " in " + text).isEqualTo(text.contains(literals.get(id)));
            }
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append("abcab c\u00dfe\u00e9".charAt(random.nextInt(10)));
        }
        return text.toString();
    }
}
