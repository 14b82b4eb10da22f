-- Findings: what the rules found, never the message text. Unique per message and rule, so a
-- reprocessed event (after a crash) cannot record a finding twice.
CREATE TABLE findings (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id         TEXT    NOT NULL,
    channel_id      TEXT    NOT NULL,
    message_ts      TEXT    NOT NULL,
    thread_ts       TEXT    NULL,
    rule_id         TEXT    NOT NULL,
    author_id       TEXT    NOT NULL,
    at              TEXT    NOT NULL,
    evidence_json   TEXT    NOT NULL,
    recipients_json TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    UNIQUE (team_id, channel_id, message_ts, rule_id)
);

CREATE INDEX ix_findings_author ON findings (team_id, author_id, at);
CREATE INDEX ix_findings_team_at ON findings (team_id, at);

-- Team norms as JSON in the same keys the audit's --norms file takes.
CREATE TABLE team_norms (
    team_id    TEXT PRIMARY KEY,
    norms_json TEXT NOT NULL,
    updated_by TEXT NULL,
    updated_at TEXT NOT NULL
);

-- What AsyncCoach keeps per person: their own hours and zone, snooze and opt-out.
CREATE TABLE person_settings (
    team_id       TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    hours         TEXT NULL,
    time_zone     TEXT NULL,
    snooze_until  TEXT NULL,
    opted_out     INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
