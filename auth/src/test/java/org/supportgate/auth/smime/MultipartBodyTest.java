package org.supportgate.auth.smime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

    private static List<String> split(String body, String boundary, int maxParts) throws MalformedSmime {
        return MultipartBody.split(body.getBytes(StandardCharsets.ISO_8859_1), boundary, maxParts).stream()
                .map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
    }

    @Test
    void partsAreTheOctetsBetweenDelimitersWithoutTheCrlfBeforeTheNext() throws MalformedSmime {
        String body = "preamble\r\n--b\r\nA: 1\r\n\r\none\r\n\r\n--b \t\r\ntwo\r\n--b--\r\nepilogue\r\n";
        assertThat(split(body, "b", 10)).containsExactly("A: 1\r\n\r\none\r\n", "two");
    }

    @Test
    void ignoresLinesThatOnlyStartWithTheBoundary() throws MalformedSmime {
        assertThat(split("--b\r\n--bb\r\n--b-x\r\n--b--", "b", 10)).containsExactly("--bb\r\n--b-x");
    }

    @Test
    void keepsEmptyParts() throws MalformedSmime {
        assertThat(split("--b\r\n--b\r\nx\r\n--b--\r\n", "b", 10)).containsExactly("", "x");
    }

    @Test
    void refusesAMultipartWithoutCloseDelimiterOrWithTooManyParts() {
        assertThatThrownBy(() -> split("--b\r\none\r\n", "b", 10)).isInstanceOf(MalformedSmime.class)
                .hasMessageContaining("closing boundary");
        assertThatThrownBy(() -> split("--b\r\n1\r\n--b\r\n2\r\n--b\r\n3\r\n--b--", "b", 2))
                .hasMessageContaining("more than 2 parts");
        assertThatThrownBy(() -> split("--\r\n--", "", 2)).hasMessageContaining("boundary");
    }
}
