package org.supportgate.ticketing.reply;

import java.util.List;

/**
 * The facts of a refusal notice: a request was quarantined and not acted on. Carries nothing of
 * the inbound body or attachments, by construction; not even the subject, which is the sender's
 * text and, for a forged message, an attacker's.
 *
 * @param to who reads it: the authenticated sender, or an admin of the partner whose domain a
 *     message claimed without authenticating
 * @param recipientName the recipient's display name, or empty
 * @param claimedFrom the From address of the refused message (the admins' notice names it)
 * @param reference the quarantine item's reference, e.g. {@code Q-42}, for talking to staff
 * @param stage whether the request is still held for review or staff rejected it
 * @param categories the sensitive categories found (policy ids), empty for a failed authentication
 * @param requiredAssurance the assurance the request needs, as {@code Assurance.id()}
 * @param why one line: which category, what assurance it needs (or that authentication failed)
 * @param inReplyTo the refused message's Message-ID, bare, only in a notice to its sender; or null
 * @param references the thread's Message-IDs, bare, oldest first (empty for admins)
 */
public record RefusalNotice(Audience to, String recipient, String recipientName, String claimedFrom, String reference,
        Stage stage, List<String> categories, String requiredAssurance, String why, String inReplyTo, List<String> references) {

    /** Who the notice is written for. */
    public enum Audience { SENDER, PARTNER_ADMIN }

    /** Where the refused request stands when the notice is written. */
    public enum Stage { HELD, REJECTED }

    public RefusalNotice {
        categories = List.copyOf(categories);
        references = List.copyOf(references);
    }
}
