package org.supportgate.gateway.intake;

import org.springframework.stereotype.Component;
import org.supportgate.gateway.spool.ClaimedMessage;
import org.supportgate.gateway.spool.SpoolStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline for one claimed message, as a short script of named steps. Each step gathers facts
 * into records; the last one commits the outcome together with the spool state change.
 */
@Component
public class Intake {

    private final SpoolStore spool;
    private final MessageParser parser;
    private final JsonMapper json;

    public Intake(SpoolStore spool, IntakeProperties properties, JsonMapper json) {
        this.spool = spool;
        this.parser = new MessageParser(properties.limits());
        this.json = json;
    }

    /** Runs the pipeline; false if the claim was lost to another worker (nothing was written). */
    boolean process(ClaimedMessage claim, String worker) {
        byte[] raw = spool.raw(claim.id());
        MessageSummary summary = parser.parse(raw);
        return spool.finish(claim, json.writeValueAsString(summary), worker);
    }
}
