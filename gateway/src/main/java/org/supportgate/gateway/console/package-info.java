/**
 * The web console for partner admins and staff. For now only its public address, which refusal
 * notices point partners to (the console itself is a later issue).
 *
 * <p>SECURITY: the address is operator configuration, never taken from a request.
 *
 * <p>DIAGNOSTICS: a missing setting falls back to {@code http://localhost:8080/}, the development
 * address; production must set {@code supportgate.console.public-url}.
 */
package org.supportgate.gateway.console;
