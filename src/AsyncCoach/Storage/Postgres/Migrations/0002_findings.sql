-- Findings, norms and person settings (SQLite 0002, 0014, 0015, 0019, 0021): what the rules
-- found, never the message text.
CREATE TABLE findings (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id         text        NOT NULL,
    channel_id      text        NOT NULL,
    message_ts      text        NOT NULL,
    thread_ts       text        NULL,
    rule_id         text        NOT NULL,
    author_id       text        NOT NULL,
    at              timestamptz NOT NULL,
    evidence_json   text        NOT NULL,
    recipients_json text        NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (team_id, channel_id, message_ts, rule_id)
);

CREATE INDEX ix_findings_author ON findings (team_id, author_id, at);
CREATE INDEX ix_findings_team_rule_at ON findings (team_id, rule_id, at) INCLUDE (author_id, channel_id);

-- Missing-context findings waiting out their grace window; ids, times and phrases only.
CREATE TABLE pending_findings (
    team_id       text        NOT NULL,
    channel_id    text        NOT NULL,
    message_ts    text        NOT NULL,
    thread_ts     text        NULL,
    rule_id       text        NOT NULL,
    author_id     text        NOT NULL,
    at            timestamptz NOT NULL,
    due           timestamptz NOT NULL,
    evidence_json text        NOT NULL,
    suggestion    text        NOT NULL,
    PRIMARY KEY (team_id, channel_id, message_ts, rule_id)
);

-- Team norms as JSON in the same keys the audit's --norms file takes.
CREATE TABLE team_norms (
    team_id    text        PRIMARY KEY,
    norms_json text        NOT NULL,
    updated_by text        NULL,
    updated_at timestamptz NOT NULL
);

-- What AsyncCoach keeps per person: their own hours and zone, snooze and opt-out.
CREATE TABLE person_settings (
    team_id       text        NOT NULL,
    user_id       text        NOT NULL,
    hours         text        NULL,
    time_zone     text        NULL,
    snooze_until  timestamptz NULL,
    opted_out     boolean     NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

-- "Not helpful here" per phrase, once per person.
CREATE TABLE phrase_feedback (
    team_id   text        NOT NULL,
    rule_id   text        NOT NULL,
    phrase    text        NOT NULL,
    user_id   text        NOT NULL,
    at        timestamptz NOT NULL,
    PRIMARY KEY (team_id, rule_id, phrase, user_id)
);

-- The digest's denominator: aggregate counters per team, UTC hour and channel kind.
CREATE TABLE activity_counters (
    team_id     text        NOT NULL,
    hour        timestamptz NOT NULL,
    kind        text        NOT NULL,
    messages    bigint      NOT NULL,
    after_hours bigint      NOT NULL,
    PRIMARY KEY (team_id, hour, kind)
);

-- Who wrote in which UTC hour, for the privacy floor's distinct-people counts only.
CREATE TABLE activity_people (
    team_id   text        NOT NULL,
    hour      timestamptz NOT NULL,
    author_id text        NOT NULL,
    PRIMARY KEY (team_id, hour, author_id)
);
