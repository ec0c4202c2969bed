package org.supportgate.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    private static final String POLICY = Path.of("..", "config", "policy.yml").toString();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesOneLabelLinePerRequest() throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), """
                {"id": "r1", "subject": "new smarthost", "body": "Please change our smarthost to mx2.acme.example today."}
                {"id": "r2", "subject": "question", "body": "How do I read the quarantine digest?"}
                {"id": 7, "subject": "Passwort", "body": "Bitte setzen Sie das Passwort von admin@acme.example zurück."}
                """);
        assertThat(ClassifyCommand.classify(List.of("--policy", POLICY, input.toString()), print(out), print(err))).isZero();
        assertThat(text(out).lines().toList()).containsExactly(
                "{\"id\":\"r1\",\"labels\":[\"mail_routing\"]}",
                "{\"id\":\"r2\",\"labels\":[\"none\"]}",
                "{\"id\":7,\"labels\":[\"account_access\"]}");
    }

    @Test
    void skipsLinesThatAreNotJsonObjectsAndSaysWhich() throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "not json\n[1,2]\n{\"id\":\"ok\",\"body\":\"hello\"}\n");
        assertThat(ClassifyCommand.classify(List.of("--policy", POLICY, input.toString()), print(out), print(err))).isEqualTo(1);
        assertThat(text(err)).contains("line 1: not JSON", "line 2: not a JSON object");
        assertThat(text(out)).contains("\"id\":\"ok\"");
    }

    @Test
    void refusesBadArguments() {
        assertThat(ClassifyCommand.classify(List.of(), print(out), print(err))).isEqualTo(2);
        assertThat(ClassifyCommand.classify(List.of("--frob", "x"), print(out), print(err))).isEqualTo(2);
        assertThat(ClassifyCommand.classify(List.of(dir.resolve("absent.jsonl").toString()), print(out), print(err))).isEqualTo(1);
        assertThat(text(err)).contains("usage:", "unknown option --frob", "cannot read");
    }

    @Test
    void reportsPrecisionAndRecallOnTheLabelledCorpus() {
        Path corpus = Path.of("..", "..", "shared", "corpus", "requests-dev.jsonl");
        assertThat(ClassifyCommand.report(List.of("--policy", POLICY, corpus.toString()), print(out), print(err)))
                .as(text(err)).isZero();
        assertThat(text(out)).contains("precision", "recall", "mail_routing", "sensitive vs none");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
