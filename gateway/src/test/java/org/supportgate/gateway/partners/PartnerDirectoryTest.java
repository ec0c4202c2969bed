package org.supportgate.gateway.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.supportgate.gateway.GatewayTest;
import org.supportgate.gateway.SupportgateApplication;
import org.supportgate.gateway.db.EmbeddedDatabase;
import org.supportgate.ticketing.audit.AuditLog;
import tools.jackson.databind.JsonNode;

class PartnerDirectoryTest extends GatewayTest {

    private static final String DIRECTORY = """
            partners:
              - id: fabrikam
                name: Fabrikam Managed Services
                domains: [fabrikam.example, Bücher.example]
                contacts:
                  - {email: Ann@Fabrikam.example, name: Ann Admin, role: admin}
                  - {email: ben@fabrikam.example, name: Ben Tech}
            """;

    @Autowired
    private AuditLog audit;

    @Autowired
    private EmbeddedDatabase database;

    @TempDir
    Path dir;

    @Test
    void importsTheExampleShapeAndIsIdempotent() throws Exception {
        HttpResponse<byte[]> first = post("/api/partners/import", TOKEN, DIRECTORY);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(first.body());
        assertThat(report.path("changes").toString()).contains("partner.created partner:fabrikam",
                "contact.created contact:ann@fabrikam.example", "contact.created contact:ben@fabrikam.example");
        long eventsAfterFirst = audit.count();

        HttpResponse<byte[]> second = post("/api/partners/import", TOKEN, DIRECTORY);
        assertThat(json.readTree(second.body()).path("changes")).isEmpty();
        assertThat(audit.count()).isEqualTo(eventsAfterFirst);

        JsonNode fabrikam = partner("fabrikam");
        assertThat(fabrikam.path("domains").toString()).contains("fabrikam.example", "xn--bcher-kva.example");
        assertThat(fabrikam.path("contacts").get(0).path("email").asString()).isEqualTo("ann@fabrikam.example");
        assertThat(fabrikam.path("contacts").get(0).path("role").asString()).isEqualTo("admin");
        assertThat(fabrikam.path("contacts").get(1).path("role").asString()).isEqualTo("technical");
        assertThat(audit.about("partner:fabrikam")).extracting(e -> e.action()).startsWith("partner.created");
    }

    @Test
    void disablesContactsMissingFromANewImportWithoutDeletingThem() throws Exception {
        post("/api/partners/import", TOKEN, DIRECTORY.replace("fabrikam", "contoso").replace("Fabrikam", "Contoso"));
        HttpResponse<byte[]> shrunk = post("/api/partners/import", TOKEN, """
                partners:
                  - id: contoso
                    name: Contoso Managed Services
                    domains: [contoso.example]
                    contacts:
                      - {email: ann@contoso.example, name: Ann Admin, role: admin}
                """);
        assertThat(shrunk.statusCode()).isEqualTo(200);
        JsonNode contoso = partner("contoso");
        assertThat(contoso.path("contacts")).hasSize(2);
        assertThat(contoso.path("contacts").get(1).path("email").asString()).isEqualTo("ben@contoso.example");
        assertThat(contoso.path("contacts").get(1).path("active").asBoolean()).isFalse();
        assertThat(audit.about("contact:ben@contoso.example")).extracting(e -> e.action())
                .containsExactly("contact.created", "contact.disabled");
    }

    @Test
    void refusesAnInvalidDirectoryWithEveryProblemAndWritesNothing() throws Exception {
        long events = audit.count();
        HttpResponse<byte[]> response = post("/api/partners/import", TOKEN, """
                partners:
                  - id: Bad Id
                    domains: [not_a_domain, ok.example]
                    contacts:
                      - {email: no-at-sign, role: overlord}
                      - {email: ok@ok.example, smime-certificate: "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----"}
                """);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problems = json.readTree(response.body()).path("problems");
        assertThat(problems.toString()).contains("partners[0].id", "partners[0].name: missing",
                "partners[0].domains[0]", "partners[0].contacts[0].email", "partners[0].contacts[0].role",
                "partners[0].contacts[1].smime-certificate");
        assertThat(audit.count()).isEqualTo(events);
    }

    @Test
    void refusesGarbageAndAliasBombsAndDomainsClaimedTwice() throws Exception {
        assertThat(post("/api/partners/import", TOKEN, "{{{ not yaml").statusCode()).isEqualTo(400);
        assertThat(post("/api/partners/import", TOKEN, "just a string").statusCode()).isEqualTo(400);
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "partners: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n";
        assertThat(post("/api/partners/import", TOKEN, bomb).statusCode()).isEqualTo(400);
        HttpResponse<byte[]> twice = post("/api/partners/import", TOKEN, """
                partners:
                  - {id: one, name: One, domains: [shared.example]}
                  - {id: two, name: Two, domains: [shared.example]}
                """);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(new String(twice.body(), StandardCharsets.UTF_8)).contains("shared.example is claimed by one and two");
    }

    @Test
    void needsTheBearerToken() throws Exception {
        assertThat(post("/api/partners/import", null, DIRECTORY).statusCode()).isEqualTo(401);
        assertThat(get("/api/partners", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void importsFromTheCommandLineIntoTheConfiguredDatabase() throws Exception {
        Path file = Files.writeString(dir.resolve("partners.yml"),
                DIRECTORY.replace("fabrikam", "litware").replace("Fabrikam", "Litware"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportPartnersCommand.run(SupportgateApplication.class, List.of(file.toString(),
                        "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                        "--supportgate.api.token=" + TOKEN, "--supportgate.dns.zone-file=" + ZONE),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported 1 partners, 2 contacts:",
                "partner.created partner:litware");
        assertThat(partner("litware").path("name").asString()).isEqualTo("Litware Managed Services");

        Path bad = Files.writeString(dir.resolve("bad.yml"), "partners:\n  - {id: x}\n");
        assertThat(ImportPartnersCommand.run(SupportgateApplication.class, List.of(bad.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("partners[0].name: missing");
    }

    private JsonNode partner(String id) throws Exception {
        for (JsonNode partner : json.readTree(get("/api/partners", TOKEN).body())) {
            if (partner.path("id").asString().equals(id)) {
                return partner;
            }
        }
        throw new AssertionError("no partner " + id);
    }
}
