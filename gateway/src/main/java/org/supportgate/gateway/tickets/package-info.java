/**
 * The ticketing module inside the daemon: its wiring, and {@code GET /api/tickets/{number}} (the
 * ticket with its messages and their delivery state) and
 * {@code GET /api/tickets/{number}/attachments/{id}}, behind the same bearer token as the rest of
 * {@code /api}.
 *
 * <p>SECURITY: numbers are checked for shape before they reach the database; attachments are
 * served only as {@code application/octet-stream} downloads with {@code nosniff}, never rendered.
 *
 * <p>DIAGNOSTICS: 404 with a JSON body for an unknown or malformed number or attachment id.
 */
package org.supportgate.gateway.tickets;
