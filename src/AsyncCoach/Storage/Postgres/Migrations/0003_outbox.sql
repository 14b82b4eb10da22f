-- The outbox (SQLite 0004, 0006, 0007, 0017, 0019): one table for every kind, the nudges' name
-- kept. For a kind other than 'nudge', channel_id and author_id hold the recipient and
-- message_ts '<kind>:<key>', so the unique constraint makes every enqueue idempotent.
-- Several instances share it: a claim sets lease_owner (the instance) and lease_until; recovery
-- ends only 'sending' rows whose lease has expired, never another live instance's sends.
CREATE TABLE nudges (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL DEFAULT 'nudge',
    team_id         text        NOT NULL,
    channel_id      text        NOT NULL,
    message_ts      text        NOT NULL,
    thread_ts       text        NULL,
    author_id       text        NOT NULL,
    delivery        text        NOT NULL,
    content_json    text        NULL,
    state           text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    day_start       timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz NULL,
    end_reason      text        NULL,
    lease_owner     text        NULL,
    lease_until     timestamptz NULL,
    UNIQUE (team_id, channel_id, message_ts)
);

CREATE INDEX ix_outbox_due_team ON nudges (next_attempt_at, team_id) WHERE state = 'pending';
CREATE INDEX ix_outbox_leases ON nudges (lease_until) WHERE state = 'sending';
CREATE INDEX ix_nudges_author ON nudges (team_id, author_id, day_start);
CREATE INDEX ix_nudges_team_sent ON nudges (team_id, sent_at) WHERE state = 'sent';

-- The rules one nudge combines, for the per-rule daily cap.
CREATE TABLE nudge_rules (
    nudge_id  bigint NOT NULL REFERENCES nudges (id),
    rule_id   text   NOT NULL,
    PRIMARY KEY (nudge_id, rule_id)
);

-- Every delivery attempt and its outcome (ok, a Slack error code, an exception type).
CREATE TABLE nudge_attempts (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nudge_id    bigint      NOT NULL REFERENCES nudges (id),
    at          timestamptz NOT NULL,
    outcome     text        NOT NULL,
    retry_after timestamptz NULL
);

CREATE INDEX ix_nudge_attempts_nudge ON nudge_attempts (nudge_id);

-- What the author answered with the buttons; one row per nudge and kind.
CREATE TABLE nudge_feedback (
    nudge_id   bigint      NOT NULL REFERENCES nudges (id),
    kind       text        NOT NULL,
    user_id    text        NOT NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (nudge_id, kind)
);

-- Each lead's digest setting (SQLite 0008); a lead without a row gets the default.
CREATE TABLE digest_settings (
    team_id       text        NOT NULL,
    lead_id       text        NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    weekday       smallint    NOT NULL DEFAULT 1,
    local_time    text        NOT NULL DEFAULT '09:00',
    channels_json text        NULL,
    since         timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (team_id, lead_id)
);
