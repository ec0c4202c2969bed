package org.supportgate.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SmtpDialogue;
import tools.jackson.databind.JsonNode;

/**
 * The golden corpus (src/test/resources/golden, see its README): each .eml is sent over SMTP as
 * its .expected file says, and the verdict, the categories and the audience of the refusal
 * notice must be the expected ones.
 */
class GoldenCasesTest extends GatewayTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @BeforeEach
    void directory() throws Exception {
        assertThat(post("/api/partners/import", TOKEN, Files.readString(GOLDEN.resolve("directory.yml"))).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheExpectedVerdict(String name) throws Exception {
        Map<String, String> expected = expectations(GOLDEN.resolve(name + ".expected"));
        byte[] mail = crlf(Files.readAllBytes(GOLDEN.resolve(name + ".eml")));
        if (!expected.getOrDefault("dkim", "none").equals("none")) {
            RawMessage message = RawMessage.of(mail);
            mail = message.prepend(DkimSigner.builder(expected.get("dkim"), "test", DkimSigningKey.ed25519Seed(new byte[32]))
                    .build().sign(message)).toBytes();
        }
        String id;
        try (SmtpDialogue smtp = smtp()) {
            id = SmtpDialogue.expect(smtp.send(expected.get("mail-from"), mail, "support@localhost"), 250).queueId();
        }
        JsonNode verdict = message(id, "done").path("verdict");

        assertThat(verdict.path("kind").asString()).as(name + ": " + verdict).isEqualTo(expected.get("kind"));
        List<String> categories = new ArrayList<>();
        verdict.path("categories").forEach(c -> categories.add(c.asString()));
        assertThat(categories.isEmpty() ? "none" : String.join(",", categories)).as(name + ": " + verdict)
                .isEqualTo(expected.get("categories"));
        if (expected.containsKey("assurance")) {
            assertThat(verdict.path("assurance").asString()).as(name).isEqualTo(expected.get("assurance"));
        }
        if (expected.containsKey("reason")) {
            assertThat(verdict.path("reasons").toString()).as(name).contains(expected.get("reason"));
        }
        if (expected.containsKey("notice") && expected.get("kind").equals("quarantine")) {
            JsonNode item = json.readTree(get("/api/quarantine/" + verdict.path("quarantineId").asLong(), TOKEN).body());
            List<String> recipients = new ArrayList<>();
            item.path("notices").forEach(n -> recipients.add(n.path("recipient").asString()));
            if (expected.get("notice").equals("none")) {
                assertThat(recipients).as(name + ": " + item.path("notices")).isEmpty();
            } else {
                assertThat(recipients).as(name + ": " + item.path("notices")).containsExactly(expected.get("notice"));
            }
        }
    }

    private static Map<String, String> expectations(Path file) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                expected.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return expected;
    }

    /** The files are kept with LF line ends for reading; SMTP carries CRLF. */
    private static byte[] crlf(byte[] lf) {
        String text = new String(lf, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
