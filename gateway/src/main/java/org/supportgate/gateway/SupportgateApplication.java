package org.supportgate.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Supportgate daemon: SMTP listener, spool, intake worker, JSON API and health. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportgateApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupportgateApplication.class, args);
    }
}
