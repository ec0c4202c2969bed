/**
 * Mail authentication in the daemon: the DNS resolver and the
 * {@link org.supportgate.auth.MessageAuthenticator} as beans, and the store of each message's
 * results. The checks themselves are the auth module's; this package only configures and keeps.
 *
 * <p>SECURITY: Authentication-Results fields claiming our authserv-id and our own
 * {@code X-Supportgate-*} fields are removed from inbound mail before it is read. DNS is bounded
 * in time, concurrency and cache size.
 *
 * <p>DIAGNOSTICS: a DNS temporary error never becomes pass or fail; the intake defers the message
 * and keeps the reason in its {@code last_error}.
 */
package org.supportgate.gateway.authentication;
