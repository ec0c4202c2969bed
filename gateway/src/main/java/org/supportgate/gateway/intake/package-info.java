/**
 * The intake: claims spooled messages and runs them through the pipeline, one short method of
 * named steps ({@link org.supportgate.gateway.intake.Intake}). Today the pipeline parses the
 * message and records its summary; authentication, identification, threading, classification and
 * the decision join it as they are built.
 *
 * <p>SECURITY: the message is hostile input. Parsing is streaming and bounded by named limits
 * (header count and length, MIME depth, part count, text kept); past a limit parsing stops and the
 * limit is recorded as a defect, never as an exception.
 *
 * <p>DIAGNOSTICS: broken MIME is not an error: what could be read is kept and what was wrong is
 * listed in the summary's {@code defects}. A step that fails unexpectedly defers the message with
 * backoff ({@code last_error} says why); after {@code max-attempts} claims it is {@code dead}, kept
 * and visible. A worker that dies mid-message loses its lease and the row is claimed again.
 */
package org.supportgate.gateway.intake;
