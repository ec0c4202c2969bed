/**
 * The partner directory's doors: the YAML directory file ({@code config/partners.example.yml}),
 * {@code POST /api/partners/import}, {@code GET /api/partners} and the {@code import-partners}
 * command.
 *
 * <p>SECURITY: the YAML is untrusted: read with SnakeYAML's safe constructor (no types, no
 * aliases bombs: alias and size limits), validated field by field before anything is written.
 *
 * <p>DIAGNOSTICS: every problem is reported with its place ({@code partners[2].contacts[0].email})
 * as a 400 with {@code problems}, or on standard error with exit status 2 for the command.
 */
package org.supportgate.gateway.partners;
