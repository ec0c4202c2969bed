/**
 * The database the daemon runs on: a PostgreSQL server named by {@code spring.datasource.url}, or,
 * when none is named, an embedded PostgreSQL whose data persists under
 * {@code supportgate.db.embedded-dir}.
 *
 * <p>SECURITY: the embedded server listens on loopback only, with a generated port. It runs with
 * {@code fsync} and {@code synchronous_commit} on, because a 250 reply promises durability.
 *
 * <p>DIAGNOSTICS: a postmaster left running by a killed daemon on the same data directory is
 * stopped (smart shutdown, then waited for) before the new one starts; if it does not stop, the
 * start fails with the process id to look at. Nothing here deletes a data directory.
 */
package org.supportgate.gateway.db;
