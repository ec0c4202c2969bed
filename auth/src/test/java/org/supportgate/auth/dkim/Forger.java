package org.supportgate.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.supportgate.auth.message.HeaderField;
import org.supportgate.auth.message.RawMessage;

/**
 * Writes DKIM-Signature fields with any tags we like, correctly signed with RSA, so tests can
 * present signatures our own signer would never produce (l=, rsa-sha1, no From in h=, expired).
 */
final class Forger {

    private Forger() {}

    /**
     * Signs with {@code tags} (everything but bh= and b=), hashing the body with
     * {@code bodyCanon} and the headers named in {@code signed} with {@code headerCanon}.
     */
    static RawMessage sign(RawMessage message, String tags, List<String> signed, long bodyLength,
            PrivateKey key, String jcaAlgorithm, String digest) {
        try {
            String[] c = TagList.parse(tags).get("c").orElse("simple/simple").split("/");
            Canonicalization headerCanon = Canonicalization.named(c[0]).orElseThrow();
            Canonicalization bodyCanon = c.length > 1 ? Canonicalization.named(c[1]).orElseThrow() : Canonicalization.SIMPLE;
            byte[] body = bodyCanon.body(message.body());
            if (bodyLength >= 0) {
                body = Arrays.copyOf(body, (int) bodyLength);
            }
            String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance(digest).digest(body));
            String raw = "DKIM-Signature: " + tags + "; h=" + String.join(":", signed) + "; bh=" + bh + "; b=";
            byte[] data = SignedHeaders.data(message, signed, headerCanon, new HeaderField("DKIM-Signature", raw));
            Signature signer = Signature.getInstance(jcaAlgorithm);
            signer.initSign(key);
            signer.update(data);
            return message.prepend(new HeaderField("DKIM-Signature",
                    raw + Base64.getEncoder().encodeToString(signer.sign())));
        } catch (GeneralSecurityException | TagSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RawMessage signRsa(RawMessage message, String tags, List<String> signed) {
        return sign(message, tags, signed, -1, TestKeys.RSA_2048.getPrivate(), "SHA256withRSA", "SHA-256");
    }
}
