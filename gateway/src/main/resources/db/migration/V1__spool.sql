-- The spool: every message that got a 250, exactly as received, with its envelope.
-- A row is written once by the SMTP session (group commit) and then only moves through states.
CREATE TABLE inbound_message (
    id              text        PRIMARY KEY,
    state           text        NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'processing', 'done', 'deferred', 'dead')),
    received_at     timestamptz NOT NULL,
    client_ip       text        NOT NULL,
    helo            text,
    mail_from       text        NOT NULL,          -- '' for the null reverse-path
    rcpt_to         text[]      NOT NULL,
    tls_protocol    text,
    tls_cipher      text,
    size            integer     NOT NULL,
    sha256          text        NOT NULL,          -- hex, of raw
    trace_header    text        NOT NULL,          -- our Received: field, prepended on export
    raw             bytea       NOT NULL,          -- after dot-unstuffing, nothing added
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,                   -- a claim older than this is abandoned
    claim_token     uuid,
    claimed_by      text,
    last_error      text,
    summary         jsonb,
    processed_at    timestamptz,
    processed_by    text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Mail is mostly compressed or encoded already; skipping TOAST compression keeps the
-- SMTP commit path cheap.
ALTER TABLE inbound_message ALTER COLUMN raw SET STORAGE EXTERNAL;

CREATE INDEX inbound_message_due ON inbound_message (next_attempt_at)
    WHERE state IN ('queued', 'deferred');
CREATE INDEX inbound_message_leased ON inbound_message (lease_until)
    WHERE state = 'processing';

-- Credentials for the JSON API, stored as SHA-256 of the token, never the token itself.
CREATE TABLE api_credential (
    name         text        PRIMARY KEY,
    token_sha256 text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
