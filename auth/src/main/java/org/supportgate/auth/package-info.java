/**
 * Mail authentication and request policy, in plain Java with no framework: DNS, SPF, DKIM, DMARC,
 * ARC, Authentication-Results, signed tokens, support-code crypto and the request classifier.
 *
 * <p>SECURITY: everything here reads untrusted input (messages, DNS answers). Every check is
 * bounded in size, lookups and time; patterns use RE2/J.
 */
package org.supportgate.auth;
