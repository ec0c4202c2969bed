package org.supportgate.gateway;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.supportgate.gateway.cli.CheckCommand;
import org.supportgate.gateway.cli.ClassifyCommand;
import org.supportgate.gateway.partners.ImportPartnersCommand;

/**
 * The Supportgate daemon: SMTP listener, spool, intake worker, JSON API and health. Components,
 * entities and repositories of the ticketing module are found under the common base package.
 */
@SpringBootApplication(scanBasePackages = "org.supportgate")
@EnableJpaRepositories("org.supportgate")
@EntityScan("org.supportgate")
@ConfigurationPropertiesScan
public class SupportgateApplication {

    public static void main(String[] args) {
        List<String> rest = args.length > 0 ? List.of(args).subList(1, args.length) : List.of();
        String command = args.length > 0 ? args[0] : "";
        // Operator commands: check and classify need no daemon and no database; import-partners
        // needs the database but no listeners. Anything else starts the daemon.
        switch (command) {
            case "check" -> System.exit(CheckCommand.run(rest, System.out, System.err));
            case "classify" -> System.exit(ClassifyCommand.classify(rest, System.out, System.err));
            case "classify-report" -> System.exit(ClassifyCommand.report(rest, System.out, System.err));
            case "import-partners" -> System.exit(
                    ImportPartnersCommand.run(SupportgateApplication.class, rest, System.out, System.err));
            default -> SpringApplication.run(SupportgateApplication.class, args);
        }
    }
}
