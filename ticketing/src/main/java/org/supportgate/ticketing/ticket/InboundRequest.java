package org.supportgate.ticketing.ticket;

import org.supportgate.auth.trust.Assurance;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One inbound message as the intake understood it: what {@link Tickets#openOrJoin} needs to open or
 * join a ticket and decide on an automatic reply.
 *
 * @param spoolId the {@code inbound_message.id} of the raw message
 * @param mailFrom the SMTP reverse-path, empty for the null sender
 * @param fromAddress the address in {@code From:} (the one DMARC aligned, when it passed)
 * @param fromName the display name in {@code From:}, decoded, or null
 * @param subject the decoded subject, or null
 * @param messageId the message's {@code Message-ID}, with or without angle brackets, or null
 * @param references the ids in {@code References:}, oldest first
 * @param inReplyTo the id in {@code In-Reply-To:}, or null
 * @param headers header fields the reply rules read (Auto-Submitted, Precedence, List-Id,
 *     List-Unsubscribe, X-Auto-Response-Suppress, X-Supportgate-Loop); names match ignoring case
 * @param authenticated whether the From domain authenticated (DMARC pass with alignment)
 * @param assurance the request's assurance
 * @param partnerId the partner the sender was identified as a contact of, or null
 * @param categories the request categories the classifier found (policy ids)
 * @param textBody the text body the intake kept
 */
public record InboundRequest(
        String spoolId,
        String mailFrom,
        String fromAddress,
        String fromName,
        String subject,
        String messageId,
        List<String> references,
        String inReplyTo,
        Map<String, String> headers,
        boolean authenticated,
        Assurance assurance,
        String partnerId,
        List<String> categories,
        String textBody,
        List<AttachmentData> attachments) {

    public InboundRequest {
        Objects.requireNonNull(spoolId, "spoolId");
        Objects.requireNonNull(assurance, "assurance");
        references = references == null ? List.of() : references;
        headers = headers == null ? Map.of() : headers;
        categories = categories == null ? List.of() : categories;
        attachments = attachments == null ? List.of() : attachments;
        mailFrom = mailFrom == null ? "" : mailFrom.strip();
        fromAddress = fromAddress == null ? "" : fromAddress.strip().toLowerCase(Locale.ROOT);
        references = List.copyOf(references);
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                caseless.put(name, value);
            }
        });
        headers = Collections.unmodifiableMap(caseless);
        categories = List.copyOf(categories);
        attachments = List.copyOf(attachments);
    }

    /** The value of a header field the rules read, or empty text when the message has none. */
    public String header(String name) {
        String value = headers.get(name);
        return value == null ? "" : value;
    }
}
