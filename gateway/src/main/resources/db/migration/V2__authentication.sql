-- Each message's authentication results, written by the intake in the same transaction that
-- marks the spool row done. Key results are columns for queries; the rest is kept as JSON.
CREATE TABLE message_authentication (
    message_id   text        PRIMARY KEY REFERENCES inbound_message (id),
    spf          text        NOT NULL,
    dmarc        text        NOT NULL,
    arc          text        NOT NULL,
    from_domain  text        NOT NULL,
    header       text        NOT NULL,   -- the Authentication-Results field we rendered
    details      jsonb       NOT NULL,
    evaluated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_authentication_dmarc ON message_authentication (dmarc, from_domain);
