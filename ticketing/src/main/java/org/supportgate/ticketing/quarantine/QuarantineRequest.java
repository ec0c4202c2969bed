package org.supportgate.ticketing.quarantine;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.supportgate.auth.trust.Assurance;
import org.supportgate.ticketing.ticket.AttachmentData;

/**
 * A request the intake decided not to act on, with the evidence: what {@link Quarantine#hold}
 * stores and what a later release turns into a ticket.
 *
 * @param spoolId the {@code inbound_message.id} of the raw message (which stays in the spool)
 * @param mailFrom the SMTP reverse-path, empty for the null sender
 * @param fromAddress the address in {@code From:}, empty when none
 * @param fromName the display name in {@code From:}, or empty
 * @param subject the decoded subject, or empty
 * @param messageId the message's Message-ID, with or without angle brackets, or empty
 * @param references the ids in {@code References:}, oldest first
 * @param headers the reply-control header fields, as in {@code InboundRequest}; names match ignoring case
 * @param authenticated whether the From domain authenticated (DMARC pass with alignment)
 * @param partnerId the partner the sender was identified as, or whose domain the From address
 *     claims; empty when none
 * @param sensitive whether the request falls in a sensitive category (two staff must release it)
 * @param categories the sensitive categories found (policy ids)
 * @param triggers the phrases that put the request in each category
 * @param authenticationJson the authentication results as a JSON object (the API's view)
 * @param signals every trust signal raised
 * @param assurance the assurance the request reached
 * @param requiredAssurance the assurance its categories need
 * @param reasons why it is held, one line each (e.g. {@code failed authentication})
 * @param textBody the text body, kept for the ticket a release opens
 * @param attachments the decoded attachments, kept for the ticket a release opens
 * @param audience who may be told of the refusal; for {@code PartnerAdmins}, the partner must be
 *     {@code partnerId} (or fills it in when empty)
 */
public record QuarantineRequest(
        String spoolId,
        String mailFrom,
        String fromAddress,
        String fromName,
        String subject,
        String messageId,
        List<String> references,
        Map<String, String> headers,
        boolean authenticated,
        String partnerId,
        boolean sensitive,
        List<String> categories,
        List<Trigger> triggers,
        String authenticationJson,
        List<Signal> signals,
        Assurance assurance,
        Assurance requiredAssurance,
        List<String> reasons,
        String textBody,
        List<AttachmentData> attachments,
        NoticeAudience audience) {

    public QuarantineRequest {
        Objects.requireNonNull(spoolId, "spoolId");
        Objects.requireNonNull(assurance, "assurance");
        Objects.requireNonNull(requiredAssurance, "requiredAssurance");
        Objects.requireNonNull(audience, "audience");
        mailFrom = mailFrom == null ? "" : mailFrom.strip();
        fromAddress = fromAddress == null ? "" : fromAddress.strip().toLowerCase(Locale.ROOT);
        fromName = fromName == null ? "" : fromName;
        subject = subject == null ? "" : subject;
        messageId = messageId == null ? "" : messageId.strip();
        partnerId = partnerId == null ? "" : partnerId;
        // The item keeps one partner: the admins told are the partner the item is filed under.
        if (audience instanceof NoticeAudience.PartnerAdmins(String claimed)) {
            if (partnerId.isEmpty()) {
                partnerId = claimed;
            } else if (!partnerId.equals(claimed)) {
                throw new IllegalArgumentException("partner " + partnerId + " but notice to the admins of " + claimed);
            }
        }
        authenticationJson = authenticationJson == null || authenticationJson.isBlank() ? "{}" : authenticationJson;
        textBody = textBody == null ? "" : textBody;
        references = references == null ? List.of() : List.copyOf(references);
        categories = categories == null ? List.of() : List.copyOf(categories);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        signals = signals == null ? List.of() : List.copyOf(signals);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    caseless.put(name, value);
                }
            });
        }
        headers = Collections.unmodifiableMap(caseless);
    }
}
