package org.supportgate.gateway.authentication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.supportgate.auth.dkim.DkimSigner;
import org.supportgate.auth.dkim.DkimSigningKey;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.gateway.mail.OutgoingSigner;

/**
 * Signs our outgoing mail when a key is configured ({@code supportgate.dkim.*}). The bytes given
 * must be exactly the bytes that will be sent: re-encoding after signing breaks the signature.
 */
@Component
public class OutgoingDkim implements OutgoingSigner {

    private static final Logger log = LoggerFactory.getLogger(OutgoingDkim.class);

    private final Optional<DkimSigner> signer;
    private final Optional<String> publicRecord;

    public OutgoingDkim(DkimSigningProperties properties) {
        if (!properties.configured()) {
            signer = Optional.empty();
            publicRecord = Optional.empty();
            return;
        }
        DkimSigningKey key;
        try {
            key = DkimSigningKey.fromPem(Files.readString(properties.privateKey(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read supportgate.dkim.private-key " + properties.privateKey(), e);
        }
        signer = Optional.of(DkimSigner.builder(properties.domain(), properties.selector(), key).build());
        publicRecord = Optional.of(key.txtRecord());
        log.info("Outgoing mail is DKIM-signed as d={} s={}; publish at {}._domainkey.{}: {}", properties.domain(),
                properties.selector(), properties.selector(), properties.domain(), key.txtRecord());
    }

    /** The message with our DKIM-Signature on top, or unchanged when signing is off. */
    public byte[] sign(byte[] message) {
        if (signer.isEmpty()) {
            return message;
        }
        RawMessage raw = RawMessage.of(message);
        return raw.prepend(signer.get().sign(raw)).toBytes();
    }

    /** The outbox's signing hook: our key signs whatever our From domain is. */
    @Override
    public byte[] sign(byte[] message, String fromDomain) {
        return sign(message);
    }

    /** The TXT record to publish for the configured key. */
    public Optional<String> publicRecord() {
        return publicRecord;
    }
}
