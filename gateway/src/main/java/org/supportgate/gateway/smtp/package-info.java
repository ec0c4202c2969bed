/**
 * The SMTP listener: accepts partners' mail for our support mailboxes and commits it to the spool
 * before saying 250.
 *
 * <p>Only cheap, local checks happen here: recipient is one of our mailboxes (else 550 5.1.1; we
 * are never a relay), recipient count (452 4.5.3), size while DATA streams (552 5.3.4, nothing
 * stored), connection caps per source and in total (421), STARTTLS when required (530 5.7.0), an
 * idle timeout and a deadline for the whole DATA phase. Everything else is the intake's job.
 *
 * <p>SECURITY: every byte from the client is untrusted; it is counted, time-bounded and stored,
 * never interpreted here. Header lines we write are built from values we validated.
 *
 * <p>DIAGNOSTICS: a spool that cannot commit gives 451 4.3.0 (never 250); a DATA phase past its
 * deadline gives 421 4.4.2 and the connection is closed.
 */
package org.supportgate.gateway.smtp;
