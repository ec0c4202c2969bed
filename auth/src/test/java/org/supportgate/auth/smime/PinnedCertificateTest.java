package org.supportgate.auth.smime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.supportgate.auth.smime.TestIdentity.ALICE;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class PinnedCertificateTest {

    @Test
    void readsACertificateFromPemWithTextAround() {
        X509Certificate certificate = PinnedCertificate.fromPem("Bag Attributes\n    friendlyName: alice\n"
                + ALICE.pem().replace("\n", "\r\n") + "trailing words\n");

        assertThat(certificate).isEqualTo(ALICE.certificate());
        assertThat(PinnedCertificate.fingerprintSha256(certificate)).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void explainsWhatIsWrongWithBadPem() {
        assertThatThrownBy(() -> PinnedCertificate.fromPem("")).hasMessageContaining("not a PEM certificate");
        assertThatThrownBy(() -> PinnedCertificate.fromPem("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----"))
                .hasMessageContaining("BEGIN PRIVATE KEY").hasMessageContaining("not a certificate");
        assertThatThrownBy(() -> PinnedCertificate.fromPem(ALICE.pem().replace("-----END CERTIFICATE-----", "")))
                .hasMessageContaining("no \"-----END CERTIFICATE-----\" line");
        assertThatThrownBy(() -> PinnedCertificate.fromPem(ALICE.pem() + TestIdentity.MALLORY.pem()))
                .hasMessageContaining("more than one certificate");
        assertThatThrownBy(() -> PinnedCertificate.fromPem("-----BEGIN CERTIFICATE-----\n*bad*\n-----END CERTIFICATE-----"))
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> PinnedCertificate.fromPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a readable X.509 certificate");
    }
}
