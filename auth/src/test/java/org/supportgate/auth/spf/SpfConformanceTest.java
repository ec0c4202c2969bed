package org.supportgate.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportgate.auth.Conformance;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.dns.StaticDnsResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The openspf RFC 7208 test suite, every case. Each YAML document is a scenario with its own zone
 * data; each case passes if our result is one of its accepted results and, where the case gives
 * one, the explanation matches. The suite's driver convention is kept: type SPF records stand in
 * for TXT records at names with no TXT data ("TXT: NONE" means none), a name listing TIMEOUT times
 * out for the types it has no records of, and the default explanation is "DEFAULT".
 */
class SpfConformanceTest {

    private static final String SUITE = "spf/rfc7208-tests.yml";

    record Case(String name, DnsResolver dns, String host, String mailFrom, String helo,
            List<String> results, String explanation) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rfc7208() throws IOException {
        return load(Conformance.file(SUITE)).stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc7208")
    void matchesRfc7208Suite(String name, Case c) throws UnknownHostException {
        SpfVerdict verdict = evaluate(c);

        assertThat(verdict.result().token())
                .as("%s (problem: %s)", name, verdict.problem())
                .isIn(c.results());
        if (!c.explanation().isEmpty()) {
            assertThat(verdict.explanation()).as(name).isEqualTo(c.explanation());
        }
    }

    @Test
    void runsEveryCaseOfTheSuite() throws IOException {
        assertThat(load(Conformance.file(SUITE))).hasSize(203);
    }

    /** The RFC 4408 suite, for information: prints the cases whose result we do not accept. */
    @Test
    void reportsRfc4408SuiteDifferences() throws IOException {
        int differ = 0;
        List<Case> cases = load(Conformance.file("spf/rfc4408-tests.yml"));
        for (Case c : cases) {
            SpfVerdict verdict = evaluate(c);
            if (!c.results().contains(verdict.result().token())) {
                differ++;
                System.out.printf("rfc4408 %s: got %s, suite says %s (%s)%n", c.name(),
                        verdict.result().token(), c.results(), verdict.problem());
            }
        }
        System.out.printf("rfc4408 suite: %d of %d cases not accepted%n",
                differ, cases.size());
        assertThat(cases).isNotEmpty();
    }

    private static SpfVerdict evaluate(Case c) {
        SpfEvaluator evaluator = SpfEvaluator.builder(c.dns())
                .defaultExplanation("DEFAULT")
                .build();
        InetAddress client = literal(c.host());
        return evaluator.checkMailFrom(client, c.mailFrom(), c.helo());
    }

    @SuppressWarnings("unchecked")
    static List<Case> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        List<Case> cases = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(options).loadAll(in)) {
                Map<String, Object> scenario = (Map<String, Object>) document;
                String description = String.valueOf(scenario.get("description"));
                DnsResolver dns = zone((Map<String, Object>) scenario.get("zonedata"));
                Map<String, Map<String, Object>> tests =
                        (Map<String, Map<String, Object>>) scenario.get("tests");
                tests.forEach((name, t) -> cases.add(new Case(
                        description + ": " + name,
                        dns,
                        String.valueOf(t.get("host")),
                        String.valueOf(t.getOrDefault("mailfrom", "")),
                        String.valueOf(t.getOrDefault("helo", "")),
                        t.get("result") instanceof List<?> l
                                ? l.stream().map(String::valueOf).toList()
                                : List.of(String.valueOf(t.get("result"))),
                        t.get("explanation") == null ? "" : String.valueOf(t.get("explanation")))));
            }
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static DnsResolver zone(Map<String, Object> zonedata) {
        StaticDnsResolver.Builder builder = StaticDnsResolver.builder();
        if (zonedata == null) {
            return builder.build();
        }
        zonedata.forEach((name, entries) -> {
            builder.exists(name);
            List<String> spf = new ArrayList<>();
            boolean hasTxt = false;
            for (Object entry : entries == null ? List.of() : (List<Object>) entries) {
                if (entry instanceof String s) {
                    if (s.equals("TIMEOUT")) {
                        builder.timeoutWhereEmpty(name);
                    }
                    continue;
                }
                Map<String, Object> record = (Map<String, Object>) entry;
                for (Map.Entry<String, Object> r : record.entrySet()) {
                    Object value = r.getValue();
                    switch (r.getKey()) {
                        case "SPF" -> spf.add(text(value));
                        case "TXT" -> {
                            hasTxt = true;
                            if (!"NONE".equals(value)) {
                                builder.txt(name, text(value));
                            }
                        }
                        case "A" -> builder.a(name, literal(String.valueOf(value)));
                        case "AAAA" -> builder.aaaa(name, literal(String.valueOf(value)));
                        case "MX" -> {
                            List<Object> mx = (List<Object>) value;
                            builder.mx(name, ((Number) mx.get(0)).intValue(), String.valueOf(mx.get(1)));
                        }
                        case "PTR" -> builder.ptr(reverse(name), String.valueOf(value));
                        case "CNAME" -> builder.cname(name, String.valueOf(value));
                        default -> throw new IllegalArgumentException("record type " + r.getKey());
                    }
                }
            }
            if (!hasTxt) {
                spf.forEach(s -> builder.txt(name, s));
            }
        });
        return builder.build();
    }

    /** A TXT value: one string, or a list of character-strings joined with nothing between. */
    private static String text(Object value) {
        if (value instanceof List<?> strings) {
            StringBuilder joined = new StringBuilder();
            strings.forEach(joined::append);
            return joined.toString();
        }
        return String.valueOf(value);
    }

    /** The address a reverse name stands for. */
    private static InetAddress reverse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<String> labels = new ArrayList<>(List.of(n.split("\\.")));
        java.util.Collections.reverse(labels);
        if (n.endsWith(".in-addr.arpa")) {
            return literal(String.join(".", labels.subList(2, 6)));
        }
        StringBuilder hex = new StringBuilder();
        List<String> nibbles = labels.subList(2, labels.size());
        for (int i = 0; i < nibbles.size(); i++) {
            hex.append(nibbles.get(i));
            if (i % 4 == 3 && i < nibbles.size() - 1) {
                hex.append(':');
            }
        }
        return literal(hex.toString());
    }

    /** An address literal; never a DNS lookup, since the input holds only literals. */
    static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + text, e);
        }
    }

}
