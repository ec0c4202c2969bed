/**
 * The partner directory: partners, their domains, their contacts (role, active, pinned S/MIME
 * certificate) and each contact's sending history. {@link org.supportgate.ticketing.partner.PartnerDirectory}
 * applies an imported snapshot idempotently: what is unchanged is not touched, contacts missing
 * from a snapshot are disabled (never deleted), and every change is an audit event.
 *
 * <p>SECURITY: a domain belongs to one partner at most, so a From domain maps to one partner.
 * The snapshot is validated as a whole before anything is written.
 *
 * <p>DIAGNOSTICS: {@link org.supportgate.ticketing.partner.DirectoryConflictException} names the
 * domain or address two partners claim; nothing is written then.
 */
package org.supportgate.ticketing.partner;
