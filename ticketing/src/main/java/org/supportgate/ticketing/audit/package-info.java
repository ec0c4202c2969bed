/**
 * The audit trail: every change to the directory, and later every staff decision, as an
 * append-only row (the table refuses UPDATE and DELETE).
 *
 * <p>SECURITY: details never contain secrets (tokens, codes, passwords).
 *
 * <p>DIAGNOSTICS: an audit write fails the transaction of the change it records; a change is never
 * kept without its event.
 */
package org.supportgate.ticketing.audit;
