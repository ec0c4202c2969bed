/**
 * Partners and contacts, tickets and threads, quarantine, support codes, escalations, outbox and
 * audit: their entities, repositories and the services that change them.
 */
package org.supportgate.ticketing;
