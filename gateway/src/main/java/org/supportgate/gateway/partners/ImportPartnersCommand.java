package org.supportgate.gateway.partners;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.supportgate.ticketing.partner.DirectoryConflictException;
import org.supportgate.ticketing.partner.DirectorySnapshot;
import org.supportgate.ticketing.partner.ImportReport;
import org.supportgate.ticketing.partner.PartnerDirectory;

/**
 * {@code import-partners FILE}: validates the directory file, then applies it to the database the
 * daemon is configured with, without starting the listeners. For a daemon running on the embedded
 * database, post the file to {@code /api/partners/import} instead (one process owns that database).
 */
public final class ImportPartnersCommand {

    private ImportPartnersCommand() {}

    public static int run(Class<?> application, List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.getFirst().startsWith("--") && !args.getFirst().contains("=")) {
            err.println("usage: java -jar supportgate.jar import-partners FILE.yml [--spring.datasource.url=...]");
            return 2;
        }
        DirectorySnapshot snapshot;
        try {
            snapshot = DirectoryFile.parse(Files.readString(Path.of(args.getFirst()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("import-partners: cannot read " + args.getFirst() + ": " + e.getMessage());
            return 1;
        } catch (InvalidDirectoryException e) {
            e.problems().forEach(problem -> err.println("import-partners: " + problem));
            return 2;
        }
        String[] springArgs = args.subList(1, args.size()).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("supportgate.smtp.enabled=false", "supportgate.intake.enabled=false",
                        "spring.main.banner-mode=off", "logging.level.root=WARN")
                .run(springArgs)) {
            ImportReport report = context.getBean(PartnerDirectory.class).importSnapshot(snapshot, "cli:import-partners");
            out.printf("imported %d partners, %d contacts: %s%n", report.partners(), report.contacts(),
                    report.unchanged() ? "nothing changed" : report.changes().size() + " changes");
            report.changes().forEach(change -> out.println("  " + change));
            return 0;
        } catch (DirectoryConflictException e) {
            err.println("import-partners: " + e.getMessage());
            return 2;
        }
    }
}
