-- The durable inbox: one row per Events API delivery, unique on Slack's event_id so that
-- Slack's retries are no-ops. The payload is cleared once processed (secure_delete is on).
CREATE TABLE inbox (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id      TEXT    NOT NULL UNIQUE,
    team_id       TEXT    NOT NULL,
    channel_id    TEXT    NULL,
    event_type    TEXT    NOT NULL,
    received_at   TEXT    NOT NULL,
    payload       BLOB    NULL,
    state         TEXT    NOT NULL DEFAULT 'pending',
    attempts      INTEGER NOT NULL DEFAULT 0,
    processed_at  TEXT    NULL,
    last_error    TEXT    NULL
);

CREATE INDEX ix_inbox_pending ON inbox (id) WHERE state = 'pending';

-- Web API calls made (or, in dry-run, that would have been made), for operators to inspect.
CREATE TABLE slack_api_calls (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    method       TEXT    NOT NULL,
    request_json TEXT    NOT NULL,
    dry_run      INTEGER NOT NULL,
    created_at   TEXT    NOT NULL
);
