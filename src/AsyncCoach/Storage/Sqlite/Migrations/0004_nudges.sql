-- The nudge outbox: at most one nudge per message, ever (unique per team, channel and message
-- ts), stored before Slack is called. content_json may quote the author's words (the
-- missing-context example), so it is cleared once the nudge is sent, expired or failed
-- (secure_delete is on).
CREATE TABLE nudges (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id         TEXT    NOT NULL,
    channel_id      TEXT    NOT NULL,
    message_ts      TEXT    NOT NULL,
    thread_ts       TEXT    NULL,
    author_id       TEXT    NOT NULL,
    delivery        TEXT    NOT NULL,
    content_json    TEXT    NULL,
    state           TEXT    NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL,
    day_start       TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT    NULL,
    end_reason      TEXT    NULL,
    UNIQUE (team_id, channel_id, message_ts)
);

CREATE INDEX ix_nudges_pending ON nudges (next_attempt_at) WHERE state IN ('pending', 'sending');
CREATE INDEX ix_nudges_author ON nudges (team_id, author_id, day_start);

-- The rules one nudge combines, for the per-rule daily cap.
CREATE TABLE nudge_rules (
    nudge_id  INTEGER NOT NULL REFERENCES nudges (id),
    rule_id   TEXT    NOT NULL,
    PRIMARY KEY (nudge_id, rule_id)
);

-- Every delivery attempt and its outcome (ok, a Slack error code, an exception type).
CREATE TABLE nudge_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    nudge_id    INTEGER NOT NULL REFERENCES nudges (id),
    at          TEXT    NOT NULL,
    outcome     TEXT    NOT NULL,
    retry_after TEXT    NULL
);

-- What the author answered with the buttons; one row per nudge and kind.
CREATE TABLE nudge_feedback (
    nudge_id   INTEGER NOT NULL REFERENCES nudges (id),
    kind       TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    PRIMARY KEY (nudge_id, kind)
);

-- Per workspace: inactive after token_revoked / invalid_auth, until a successful auth.test.
CREATE TABLE installations (
    team_id     TEXT PRIMARY KEY,
    active      INTEGER NOT NULL,
    reason      TEXT    NULL,
    updated_at  TEXT    NOT NULL
);
