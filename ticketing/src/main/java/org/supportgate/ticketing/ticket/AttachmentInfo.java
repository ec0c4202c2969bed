package org.supportgate.ticketing.ticket;

/** An attachment's description: what was declared and what was measured. */
public record AttachmentInfo(long id, long ticketMessageId, String name, String contentType, long size, String sha256) {}
