/**
 * Operator commands run from the daemon's jar without starting the daemon or a database:
 * {@code java -jar supportgate.jar check ...}.
 *
 * <p>SECURITY: the message file is untrusted and read through the same bounded checks as inbound
 * mail.
 *
 * <p>DIAGNOSTICS: usage errors exit with status 2 and say what is wrong; an unreadable file exits
 * with 1; a result, whatever it is, exits with 0.
 */
package org.supportgate.gateway.cli;
