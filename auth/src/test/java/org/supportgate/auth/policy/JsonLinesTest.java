package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void readsStringsAndStringArrays() {
        Map<String, Object> object = JsonLines.parseObject(
                "{\"id\": \"x-1\", \"labels\": [\"a\", \"b\"], \"empty\": [], \"s\": \"\"}");

        assertThat(object).containsEntry("id", "x-1").containsEntry("labels", List.of("a", "b"))
                .containsEntry("empty", List.of()).containsEntry("s", "");
    }

    @Test
    void decodesEscapesIncludingSurrogatePairs() {
        Map<String, Object> object = JsonLines.parseObject(
                "{\"t\": \"q\\\"b\\\\s\\/n\\nt\\tu\\u00e9\\uD83D\\uDE00\\b\\f\\r\"}");

        assertThat(object.get("t")).isEqualTo("q\"b\\s/n\nt\tu\u00e9\uD83D\uDE00\b\f\r");
        assertThat(((String) object.get("t")).codePoints().filter(c -> c == 0x1F600).count()).isEqualTo(1);
    }

    @Test
    void refusesMalformedLines() {
        for (String bad : List.of("{\"a\": 1}", "{\"a\": \"x\"} trailing", "{\"a\": \"\\q\"}", "{\"a\": \"\\u12\"}",
                "{\"a\": \"x\", \"a\": \"y\"}", "{\"a\": \"unterminated}", "[]", "{\"a\": [\"x\" \"y\"]}")) {
            assertThatThrownBy(() -> JsonLines.parseObject(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
