package org.supportgate.gateway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    private final Path dir = Path.of("target", "pgdata", "embedded-" + UUID.randomUUID());

    @Test
    void refusesASecondOwnerOfARunningDataDirectoryAndLeavesTheServerAlone() throws Exception {
        try (EmbeddedDatabase first = new EmbeddedDatabase(new EmbeddedDatabaseProperties(dir, 0, Duration.ofSeconds(30)))) {
            first.start();
            EmbeddedDatabase second = new EmbeddedDatabase(new EmbeddedDatabaseProperties(dir, 0, Duration.ofSeconds(30)));
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running Supportgate process");
            try (Connection db = DriverManager.getConnection(first.jdbcUrl(), first.username(), "");
                    ResultSet settings = db.createStatement().executeQuery(
                            "SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
                settings.next();
                assertThat(settings.getString(1)).isEqualTo("on");
                assertThat(settings.getString(2)).isEqualTo("on");
            }
        }
    }

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        try (EmbeddedDatabase database = new EmbeddedDatabase(new EmbeddedDatabaseProperties(dir, 0, Duration.ofSeconds(30)))) {
            database.start();
            try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.username(), "")) {
                db.createStatement().execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
            }
            database.stop();
            database.start();
            try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
                    ResultSet rows = db.createStatement().executeQuery("SELECT v FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
            }
        }
    }
}
