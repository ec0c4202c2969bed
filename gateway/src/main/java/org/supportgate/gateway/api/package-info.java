/**
 * The JSON API: {@code GET /api/messages/{id}} and {@code GET /api/messages/{id}/raw}, behind
 * {@code Authorization: Bearer <supportgate.api.token>}.
 *
 * <p>SECURITY: the token is kept only as its SHA-256 and compared in constant time. When none is
 * configured, one is generated at first start, its hash stored, and the token printed once in the
 * log. Path ids are checked for shape before they reach the database.
 *
 * <p>DIAGNOSTICS: 401 with {@code WWW-Authenticate: Bearer} for a missing or wrong token, 404 for
 * an unknown id, each with a JSON body saying so.
 */
package org.supportgate.gateway.api;
