-- Tickets, their messages and attachments, the outbox of replies, and what the reply rules and
-- bounce handling remember. Addresses are stored lower-cased (we never key on case).

CREATE TABLE ticket (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number             text        NOT NULL UNIQUE,            -- SG-XXXXXX, random part
    partner_id         text,                                   -- null until the sender is identified
    requester          text        NOT NULL,
    requester_name     text,
    subject            text        NOT NULL,
    status             text        NOT NULL DEFAULT 'new'
                       CHECK (status IN ('new', 'open', 'pending', 'solved', 'closed')),
    priority           text        NOT NULL DEFAULT 'normal'
                       CHECK (priority IN ('normal', 'high', 'emergency')),
    -- the assurance of the request that opened it, and what a message must reach to join it
    assurance          text        NOT NULL
                       CHECK (assurance IN ('none', 'email', 'signed', 'support_code', 'console')),
    required_assurance text        NOT NULL
                       CHECK (required_assurance IN ('none', 'email', 'signed', 'support_code', 'console')),
    categories         text[]      NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ticket_requester ON ticket (requester);
CREATE INDEX ticket_partner ON ticket (partner_id) WHERE partner_id IS NOT NULL;

-- Replies waiting for, or done with, the relay. A row is written in the transaction that changes
-- the ticket; the worker claims it (SKIP LOCKED + lease) and only the claim holder moves it on.
-- queued → sending → sent | failed; a temporary failure puts it back to queued, later.
CREATE TABLE outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id       bigint      REFERENCES ticket (id),
    kind            text        NOT NULL CHECK (kind IN ('ack', 'reply', 'notice')),
    state           text        NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    message_id      text        NOT NULL UNIQUE,               -- without angle brackets
    envelope_from   text        NOT NULL,                      -- '' for the null reverse-path
    envelope_to     text        NOT NULL,
    verp_token      text        UNIQUE,                        -- in envelope_from, to match bounces
    raw             bytea       NOT NULL,                      -- the RFC 5322 message, as sent
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    claim_token     uuid,
    claimed_by      text,
    last_error      text,
    relay_reply     text,                                      -- the relay's answer to the final dot
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'queued';
CREATE INDEX outbox_leased ON outbox (lease_until) WHERE state = 'sending';
CREATE INDEX outbox_ticket ON outbox (ticket_id);

CREATE TABLE ticket_message (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id          bigint      NOT NULL REFERENCES ticket (id),
    direction          text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    inbound_message_id text        REFERENCES inbound_message (id),
    outbox_id          bigint      REFERENCES outbox (id),
    message_id         text,                                   -- RFC 5322 Message-ID, no brackets
    sender             text        NOT NULL,
    sender_name        text,
    subject            text,
    text_body          text,
    assurance          text
                       CHECK (assurance IN ('none', 'email', 'signed', 'support_code', 'console')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((direction = 'inbound') = (inbound_message_id IS NOT NULL)),
    CHECK ((direction = 'outbound') = (outbox_id IS NOT NULL))
);

-- One spooled message joins at most one ticket, once: a replayed intake finds it again.
CREATE UNIQUE INDEX ticket_message_inbound ON ticket_message (inbound_message_id)
    WHERE inbound_message_id IS NOT NULL;
CREATE INDEX ticket_message_ticket ON ticket_message (ticket_id, created_at);
CREATE INDEX ticket_message_sender ON ticket_message (sender, created_at) WHERE direction = 'inbound';

CREATE TABLE ticket_attachment (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_message_id bigint      NOT NULL REFERENCES ticket_message (id),
    name              text        NOT NULL,
    content_type      text        NOT NULL,
    size              bigint      NOT NULL,
    sha256            text        NOT NULL,                    -- hex, of content
    content           bytea       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE ticket_attachment ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX ticket_attachment_message ON ticket_attachment (ticket_message_id);

-- Every Message-ID we put on outgoing mail, so a reply's In-Reply-To/References finds its ticket.
CREATE TABLE outgoing_message_id (
    message_id text        PRIMARY KEY,                        -- without angle brackets
    ticket_id  bigint      NOT NULL REFERENCES ticket (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A subject tag or reference that named a ticket the sender may not join; it opened a new one.
CREATE TABLE thread_refusal (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    inbound_message_id text        REFERENCES inbound_message (id),
    claimed_ticket_id  bigint      NOT NULL REFERENCES ticket (id),
    sender             text        NOT NULL,
    reason             text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);

-- Automatic replies written to the outbox, for the per-thread and per-address caps.
CREATE TABLE auto_reply_log (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient  text        NOT NULL,
    ticket_id  bigint      REFERENCES ticket (id),
    kind       text        NOT NULL CHECK (kind IN ('ack', 'reply', 'notice')),
    sent_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX auto_reply_log_recipient ON auto_reply_log (recipient, sent_at);
CREATE INDEX auto_reply_log_ticket ON auto_reply_log (ticket_id, recipient);

-- Addresses that ping-pong with us: no automatic reply to them until open_until.
CREATE TABLE reply_breaker (
    recipient  text        PRIMARY KEY,
    tripped_at timestamptz NOT NULL,
    open_until timestamptz NOT NULL,
    reason     text        NOT NULL
);

-- Delivery status notifications about our replies, one row per reported recipient.
CREATE TABLE bounce (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient           text        NOT NULL,
    original_message_id text,
    outbox_id           bigint      REFERENCES outbox (id),
    action              text        NOT NULL,                  -- failed, delayed, delivered, ...
    status              text,                                  -- 5.1.1
    diagnostic          text,
    inbound_message_id  text        REFERENCES inbound_message (id),
    received_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX bounce_recipient ON bounce (recipient, received_at);
