/**
 * The quarantine's JSON API for staff, behind the same bearer token as the rest of {@code /api}:
 * {@code GET /api/quarantine} (newest first, {@code ?state=pending|released|rejected|all},
 * {@code limit}, {@code before}), {@code GET /api/quarantine/{id}} (evidence, decisions, notices,
 * and the {@code /api/messages/{spoolId}/raw} link to the message), {@code POST .../release} and
 * {@code POST .../reject}.
 *
 * <p>SECURITY: ids and page numbers are checked for shape before they reach the service; staff
 * and reason are required and bounded. The item's texts are the sender's and are served as JSON
 * values only.
 *
 * <p>DIAGNOSTICS: JSON errors: 400 {@code invalid_decision} (missing staff or reason),
 * {@code invalid_state}, {@code invalid_page}; 404 {@code not_found}; 409 {@code already_decided}
 * and {@code same_staff}; 202 when a sensitive item awaits its second release.
 */
package org.supportgate.gateway.quarantine;
