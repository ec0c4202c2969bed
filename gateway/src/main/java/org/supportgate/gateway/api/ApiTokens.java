package org.supportgate.gateway.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.supportgate.gateway.spool.SpoolEntry;

/** Decides whether a presented bearer token is the API token. */
@Component
class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
    private static final String NAME = "api";

    private final byte[] expectedHash;

    ApiTokens(ApiProperties properties, ApiCredentialRepository credentials) {
        if (properties.token() != null && !properties.token().isBlank()) {
            expectedHash = sha256(properties.token());
            return;
        }
        String generated = generate();
        if (credentials.insertIfAbsent(NAME, SpoolEntry.sha256Hex(generated.getBytes(StandardCharsets.UTF_8))) == 1) {
            // Shown once, by design: only its hash is kept. Set supportgate.api.token to choose one.
            log.warn("Generated the API token (shown only now; store it): {}", generated);
        }
        String storedHex = credentials.findById(NAME).orElseThrow().tokenSha256();
        expectedHash = HexFormat.of().parseHex(storedHex);
    }

    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(expectedHash, sha256(presented));
    }

    private static byte[] sha256(String token) {
        return HexFormat.of().parseHex(SpoolEntry.sha256Hex(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
