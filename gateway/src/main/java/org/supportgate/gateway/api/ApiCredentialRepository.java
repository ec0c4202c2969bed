package org.supportgate.gateway.api;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiCredentialRepository extends JpaRepository<ApiCredential, String> {

    /** Stores the hash unless another daemon stored one first; 1 if this call stored it. */
    @Modifying
    @Transactional
    @Query(value = "INSERT INTO api_credential (name, token_sha256) VALUES (:name, :hash) ON CONFLICT (name) DO NOTHING",
            nativeQuery = true)
    int insertIfAbsent(String name, String hash);
}
