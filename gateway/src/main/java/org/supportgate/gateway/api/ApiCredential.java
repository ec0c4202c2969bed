package org.supportgate.gateway.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored API credential: the SHA-256 of a generated token, never the token. */
@Entity
@Table(name = "api_credential")
class ApiCredential {

    @Id
    private String name;

    @Column(name = "token_sha256", nullable = false)
    private String tokenSha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiCredential() {}

    String tokenSha256() {
        return tokenSha256;
    }
}
