package org.supportgate.ticketing.reply;

/**
 * Writes outgoing messages (MIME, headers, templates, signature). Implemented where the mail
 * settings live (gateway.mail); called inside the ticket's transaction, so it must not do I/O
 * beyond reading its templates.
 */
public interface ReplyComposer {

    ComposedReply acknowledgement(Acknowledgement acknowledgement);

    /** A refusal notice for a quarantined request; never quotes the inbound message. */
    ComposedReply refusal(RefusalNotice notice);
}
