package org.supportgate.gateway.intake;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportgate.auth.AuthenticationReport;
import org.supportgate.auth.MessageAuthenticator;
import org.supportgate.auth.SessionFacts;
import org.supportgate.gateway.authentication.AuthenticationStore;
import org.supportgate.gateway.authentication.AuthenticationView;
import org.supportgate.gateway.spool.ClaimedMessage;
import org.supportgate.gateway.spool.Envelope;
import org.supportgate.gateway.spool.SpoolStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline for one claimed message, as a short script of named steps. Steps that talk to the
 * network gather facts into records; the last step commits the outcome together with the spool
 * state change, in one transaction.
 */
@Component
public class Intake {

    private final SpoolStore spool;
    private final MessageParser parser;
    private final MessageAuthenticator authenticator;
    private final AuthenticationStore authentications;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public Intake(SpoolStore spool, IntakeProperties properties, MessageAuthenticator authenticator,
            AuthenticationStore authentications, TransactionTemplate transaction, JsonMapper json) {
        this.spool = spool;
        this.parser = new MessageParser(properties.limits());
        this.authenticator = authenticator;
        this.authentications = authentications;
        this.transaction = transaction;
        this.json = json;
    }

    IntakeOutcome process(ClaimedMessage claim, String worker) {
        SpoolStore.Spooled message = spool.load(claim.id());
        MessageSummary summary = parser.parse(message.raw());
        AuthenticationReport authentication = authenticate(message.envelope(), message.raw());
        if (authentication.temporaryError().isPresent()) {
            return new IntakeOutcome.Deferred(authentication.temporaryError().get());
        }
        return record(claim, worker, summary, AuthenticationView.of(authentication, authenticator));
    }

    private AuthenticationReport authenticate(Envelope envelope, byte[] raw) {
        // The listener stored the address from its socket, so it is always a literal.
        return authenticator.authenticate(SessionFacts.of(envelope.clientIp(), envelope.helo(), envelope.mailFrom()), raw);
    }

    private IntakeOutcome record(ClaimedMessage claim, String worker, MessageSummary summary,
            AuthenticationView authentication) {
        return transaction.execute(status -> {
            if (!spool.finish(claim, json.writeValueAsString(summary), worker)) {
                status.setRollbackOnly();
                return new IntakeOutcome.ClaimLost();
            }
            authentications.save(claim.id(), authentication);
            return new IntakeOutcome.Done();
        });
    }
}
