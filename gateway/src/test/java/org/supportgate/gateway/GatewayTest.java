package org.supportgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.supportgate.gateway.smtp.SmtpListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the daemon's integration tests: the whole daemon on the embedded PostgreSQL, with the
 * SMTP listener and web server on free ports. Subclasses with the same properties share one daemon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "supportgate.smtp.port=0",
        "supportgate.smtp.hostname=mx.support.example",
        "supportgate.smtp.mailboxes=support@localhost,help@support.example,billing@support.example,noc@support.example",
        "supportgate.smtp.max-message-size=1MB",
        "supportgate.smtp.max-recipients=3",
        "supportgate.smtp.max-connections-per-ip=6",
        "supportgate.smtp.idle-timeout=3s",
        "supportgate.smtp.data-deadline=4s",
        "supportgate.api.token=" + GatewayTest.TOKEN,
        "supportgate.intake.poll-interval=200ms",
        "supportgate.dns.zone-file=" + GatewayTest.ZONE,
        "supportgate.db.embedded-dir=target/pgdata/${random.uuid}"})
public abstract class GatewayTest {

    public static final String TOKEN = "test-token-0123456789";

    /** The DNS the test daemons see: no test ever reaches a real resolver. */
    public static final String ZONE = "src/test/resources/dns/test.zone";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int httpPort;

    @Autowired
    protected SmtpListener smtpListener;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    protected SmtpDialogue smtp() throws IOException {
        return SmtpDialogue.open(smtpListener.port());
    }

    protected static byte[] message(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    protected HttpResponse<byte[]> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpResponse<byte[]> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected JsonNode message(String id, String state) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<byte[]> response = get("/api/messages/" + id, TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            last[0] = json.readTree(response.body());
            assertThat(last[0].path("state").asString()).isEqualTo(state);
        });
        return last[0];
    }

    protected long spooledCount() {
        return jdbc.sql("SELECT count(*) FROM inbound_message").query(Long.class).single();
    }
}
