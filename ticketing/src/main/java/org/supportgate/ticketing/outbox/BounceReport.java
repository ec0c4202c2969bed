package org.supportgate.ticketing.outbox;

import java.util.List;

/**
 * A delivery status notification about one of our messages.
 *
 * @param originalMessageId the Message-ID of our message the report is about, bare, or empty
 * @param verpToken the token of the VERP address the report came back to, or empty
 * @param recipients the per-recipient fields of the report
 */
public record BounceReport(String originalMessageId, String verpToken, List<Recipient> recipients) {

    public BounceReport {
        recipients = List.copyOf(recipients);
    }

    /**
     * One recipient's fate.
     *
     * @param address the Final-Recipient (or Original-Recipient) address
     * @param action failed, delayed, delivered, relayed or expanded
     * @param status the enhanced status code ({@code 5.1.1}), or empty
     * @param diagnostic the Diagnostic-Code text, or empty
     */
    public record Recipient(String address, String action, String status, String diagnostic) {}
}
