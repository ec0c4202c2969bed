package org.supportgate.gateway;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.supportgate.gateway.cli.CheckCommand;

/** The Supportgate daemon: SMTP listener, spool, intake worker, JSON API and health. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportgateApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) {
            // An operator command: no daemon, no database.
            System.exit(CheckCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(SupportgateApplication.class, args);
    }
}
