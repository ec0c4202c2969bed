package org.supportgate.auth.dns;

/** One MX record: its preference and the exchange host name (absolute, without trailing dot). */
public record MxRecord(int preference, String exchange) {}
