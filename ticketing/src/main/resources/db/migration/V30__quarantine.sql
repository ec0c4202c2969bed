-- Quarantine: requests we refused to act on, with the evidence staff review, and their decisions.
-- The raw message stays in inbound_message (exported from there); an item keeps what was judged.

CREATE TABLE quarantine_item (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- one spooled message is held at most once: a replayed intake finds its item again
    inbound_message_id text        NOT NULL UNIQUE REFERENCES inbound_message (id),
    mail_from          text        NOT NULL,                   -- '' for the null reverse-path
    from_address       text        NOT NULL,                   -- lower case, '' when none
    from_name          text,
    subject            text,
    message_id         text,                                   -- the inbound Message-ID, bare
    partner_id         text        REFERENCES partner (id),    -- identified, or whose domain was claimed
    authenticated      boolean     NOT NULL,                   -- DMARC aligned pass for the From domain
    sensitive          boolean     NOT NULL,
    categories         text[]      NOT NULL DEFAULT '{}',
    triggers           jsonb       NOT NULL DEFAULT '[]',      -- [{category, phrase}]
    authentication     jsonb       NOT NULL DEFAULT '{}',      -- as GET /api/messages/{id} shows it
    signals            jsonb       NOT NULL DEFAULT '[]',      -- [{kind, detail}]
    assurance          text        NOT NULL
                       CHECK (assurance IN ('none', 'email', 'signed', 'support_code', 'console')),
    required_assurance text        NOT NULL
                       CHECK (required_assurance IN ('none', 'email', 'signed', 'support_code', 'console')),
    reasons            text[]      NOT NULL DEFAULT '{}',
    text_body          text,                                   -- for the ticket a release opens
    reply_headers      jsonb       NOT NULL DEFAULT '{}',      -- Auto-Submitted, List-Id...: for later notices
    notice_audience    text        NOT NULL CHECK (notice_audience IN ('sender', 'partner_admins', 'nobody')),
    notice_address     text,                                   -- the sender, for audience 'sender'
    state              text        NOT NULL DEFAULT 'pending'
                       CHECK (state IN ('pending', 'released', 'rejected')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    decided_at         timestamptz,
    ticket_id          bigint      REFERENCES ticket (id),
    CHECK ((state = 'pending') = (decided_at IS NULL)),
    CHECK ((state = 'released') = (ticket_id IS NOT NULL)),
    CHECK ((notice_audience = 'sender') = (notice_address IS NOT NULL))
);

CREATE INDEX quarantine_item_state ON quarantine_item (state, id);
CREATE INDEX quarantine_item_partner ON quarantine_item (partner_id) WHERE partner_id IS NOT NULL;

-- The decoded attachments, so a release gives the ticket what the intake would have given it.
-- The raw message in the spool stays the evidence.
CREATE TABLE quarantine_attachment (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id      bigint      NOT NULL REFERENCES quarantine_item (id),
    position     integer     NOT NULL,
    name         text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL,
    sha256       text        NOT NULL,                         -- hex, of content
    content      bytea       NOT NULL,
    UNIQUE (item_id, position)
);

ALTER TABLE quarantine_attachment ALTER COLUMN content SET STORAGE EXTERNAL;

-- Staff decisions. A sensitive item needs two releases by different staff; the unique index makes
-- "the same person twice" impossible even for two concurrent requests.
CREATE TABLE quarantine_decision (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id    bigint      NOT NULL REFERENCES quarantine_item (id),
    staff      text        NOT NULL CHECK (staff <> ''),
    action     text        NOT NULL CHECK (action IN ('release', 'reject')),
    reason     text        NOT NULL,
    notify     boolean     NOT NULL DEFAULT false,
    decided_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX quarantine_decision_one_release_each ON quarantine_decision (item_id, staff)
    WHERE action = 'release';
CREATE INDEX quarantine_decision_item ON quarantine_decision (item_id, id);

-- Refusal notices an item caused, sent or held back (and why), for staff and the API.
CREATE TABLE quarantine_notice (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id       bigint      NOT NULL REFERENCES quarantine_item (id),
    recipient     text        NOT NULL,
    occasion      text        NOT NULL CHECK (occasion IN ('hold', 'reject')),
    outbox_id     bigint      REFERENCES outbox (id),          -- null when held back
    held_because  text,                                        -- the rule, when held back
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((outbox_id IS NULL) = (held_because IS NOT NULL))
);

CREATE INDEX quarantine_notice_item ON quarantine_notice (item_id);

-- A ticket message that came out of the quarantine says who let it through and why.
ALTER TABLE ticket_message ADD COLUMN released_by text;
ALTER TABLE ticket_message ADD COLUMN release_reason text;
