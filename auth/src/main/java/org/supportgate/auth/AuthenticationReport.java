package org.supportgate.auth;

import java.util.List;
import java.util.Optional;
import org.supportgate.auth.arc.ArcResult;
import org.supportgate.auth.dkim.DkimSignatureResult;
import org.supportgate.auth.dmarc.DmarcVerdict;
import org.supportgate.auth.spf.SpfVerdict;

/**
 * Every authentication result for one message, and the Authentication-Results field that says so.
 *
 * @param header the rendered {@code Authentication-Results:} field (folded, CRLF-terminated lines)
 * @param removedFields inbound fields removed because only we may write them
 * @param temporaryError present when a DNS temporary error decided part of the outcome: the
 *     message must be deferred and tried again, never read as pass or fail
 */
public record AuthenticationReport(
        SpfVerdict spf,
        List<DkimSignatureResult> dkim,
        ArcResult arc,
        DmarcVerdict dmarc,
        String header,
        List<String> removedFields,
        Optional<String> temporaryError) {

    public AuthenticationReport {
        dkim = List.copyOf(dkim);
        removedFields = List.copyOf(removedFields);
    }
}
