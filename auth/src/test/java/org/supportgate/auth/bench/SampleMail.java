package org.supportgate.auth.bench;

import java.nio.charset.StandardCharsets;
import org.supportgate.auth.message.RawMessage;

/** A plain support request of about 10 KiB, the size the DKIM benchmarks are specified for. */
final class SampleMail {

    static final int TARGET_OCTETS = 10 * 1024;

    private static final String HEADER = """
            Received: from mx2.partner.example (mx2.partner.example [192.0.2.26])
            \tby mx.supportgate.example with ESMTPS id 4Xk2pQ0vZbz9sWq
            \tfor <support@supportgate.example>; Tue, 10 Nov 2026 09:14:03 +0000
            Received: from app01.internal.partner.example (app01 [10.20.0.7])
            \tby mx2.partner.example with ESMTP id 1a2b3c4d; Tue, 10 Nov 2026 09:14:02 +0000
            From: Alice Example <alice@partner.example>
            To: Support <support@supportgate.example>
            Cc: ops@partner.example
            Subject: Mail to example.net bounces since this morning (ticket 48213)
            Date: Tue, 10 Nov 2026 09:14:01 +0000
            Message-ID: <20261110091401.8812@app01.internal.partner.example>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            """;

    private static final String[] PARAGRAPH = {
        "Hello support team,",
        "",
        "since about 07:40 UTC every message we send to example.net comes back with",
        "\"550 5.7.1 message rejected by policy\". Nothing changed on our side as far as we",
        "know: same relays, same DKIM selector, same SPF record.  The bounce quotes our",
        "Message-ID, so the message did reach their MX before it was refused.",
        "",
        "Could you check whether the rejection comes from your gateway, and if so which",
        "check fails? A copy of one bounce is below, with the addresses shortened.",
        "",
        "> Reporting-MTA: dns; mx.example.net",
        "> Final-Recipient: rfc822; someone@example.net",
        "> Action: failed",
        "> Status: 5.7.1",
        "",
    };

    private SampleMail() {}

    /** The header section above and a body of repeated paragraphs, about {@link #TARGET_OCTETS}. */
    static RawMessage message() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int round = 1; text.length() < TARGET_OCTETS - 200; round++) {
            text.append("-- part ").append(round).append(" --\n");
            for (String line : PARAGRAPH) {
                text.append(line).append('\n');
            }
        }
        text.append("Thanks,\nAlice\n");
        return RawMessage.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
