package org.supportgate.gateway.authentication;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key our outgoing mail is DKIM-signed with; signing is on when all three are set.
 *
 * @param domain the signing domain ({@code d=})
 * @param selector the selector ({@code s=}); the public key is published at
 *     {@code <selector>._domainkey.<domain>}
 * @param privateKey PEM file: an RSA key (PKCS#1 or PKCS#8) or an Ed25519 key (PKCS#8)
 */
@ConfigurationProperties("supportgate.dkim")
public record DkimSigningProperties(String domain, String selector, Path privateKey) {

    public boolean configured() {
        return notBlank(domain) && notBlank(selector) && privateKey != null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
