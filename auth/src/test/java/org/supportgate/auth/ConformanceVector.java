package org.supportgate.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.supportgate.auth.dns.StaticDnsResolver;

/**
 * A self-contained vector file: {@code name TXT-value} lines, one blank line, then the message
 * (LF line ends, read as CRLF by the message parser).
 */
public record ConformanceVector(StaticDnsResolver dns, List<String> names, byte[] message) {

    public static ConformanceVector read(String relative) {
        Path path = Conformance.file(relative);
        try {
            String text = Files.readString(path, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\n\n");
            StaticDnsResolver.Builder dns = StaticDnsResolver.builder();
            List<String> names = new ArrayList<>();
            for (String line : text.substring(0, split).split("\n")) {
                int space = line.indexOf(' ');
                names.add(line.substring(0, space));
                dns.txt(line.substring(0, space), line.substring(space + 1).strip());
            }
            return new ConformanceVector(dns.build(), List.copyOf(names),
                    text.substring(split + 2).getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
