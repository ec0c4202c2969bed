package org.supportgate.auth.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneFileResolverTest extends DnsResolverContract {

    private static final ZoneFileResolver RESOLVER = ZoneFileResolver.fromText(ZONE);

    @Override
    DnsResolver resolver() {
        return RESOLVER;
    }

    @Test
    void readsZoneFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("zone.txt");
        Files.writeString(file, "example.org. 60 IN TXT \"hello\"\n");

        assertThat(ZoneFileResolver.fromFile(file).txt("example.org").valuesOrEmpty())
                .containsExactly("hello");
    }

    @Test
    void refusesZoneTextThatDoesNotParse() {
        assertThatThrownBy(() -> ZoneFileResolver.fromText("example.org. IN A not-an-address\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesIncludeDirective() {
        assertThatThrownBy(() -> ZoneFileResolver.fromText("$INCLUDE /etc/passwd\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
