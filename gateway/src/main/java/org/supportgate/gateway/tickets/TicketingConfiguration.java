package org.supportgate.gateway.tickets;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Brings the ticketing module into the daemon: its entities and repositories (through the
 * auto-configuration packages, which JPA entity and repository scanning read) and its services.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage(basePackages = "org.supportgate.ticketing")
@ComponentScan("org.supportgate.ticketing")
class TicketingConfiguration {}
