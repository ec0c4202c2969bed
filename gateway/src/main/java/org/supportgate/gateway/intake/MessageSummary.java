package org.supportgate.gateway.intake;

import java.util.List;

/**
 * What the intake read from a message: decoded header values, the text body and the attachments'
 * names, types and sizes. A field the message lacks is null; {@code defects} lists what was broken
 * or past a limit.
 *
 * @param loop our own {@code X-Supportgate-Loop} field if the message carries one (a reply to
 *     ourselves); read here, before our fields are stripped, so the loop check can see it
 * @param textSource where {@code textBody} came from: {@code text/plain}, {@code text/html}, or
 *     {@code none}
 */
public record MessageSummary(
        String from,
        String replyTo,
        String sender,
        String to,
        String cc,
        String subject,
        String messageId,
        String inReplyTo,
        String references,
        String date,
        String autoSubmitted,
        String precedence,
        String listId,
        String listUnsubscribe,
        String autoResponseSuppress,
        String loop,
        String textBody,
        String textSource,
        boolean textTruncated,
        List<Attachment> attachments,
        int headerCount,
        int partCount,
        List<String> defects) {

    public MessageSummary {
        attachments = List.copyOf(attachments);
        defects = List.copyOf(defects);
    }

    /** An attachment as declared and measured (size of the decoded content). */
    public record Attachment(String name, String type, long size) {}
}
