package org.supportgate.gateway;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.supportgate.gateway.cli.CheckCommand;
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
        if (args.length > 0 && args[0].equals("check")) {
            // An operator command: no daemon, no database.
            System.exit(CheckCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("import-partners")) {
            // An operator command: the database, no listeners.
            System.exit(ImportPartnersCommand.run(SupportgateApplication.class, List.of(args).subList(1, args.length),
                    System.out, System.err));
        }
        SpringApplication.run(SupportgateApplication.class, args);
    }
}
