/**
 * The Supportgate daemon (Spring Boot): wires the SMTP listener, the spool, the intake worker, the
 * JSON API and health. Features live in sub-packages; each one's package-info says what untrusted
 * input it handles and how it fails.
 */
package org.supportgate.gateway;
