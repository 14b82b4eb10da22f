-- The durable inbox (the SQLite migrations 0001 and 0005, as they stand now). With PostgreSQL an
-- acknowledged event is a row here before Slack gets its 200: the group commit inserts a batch
-- in one statement, ON CONFLICT (event_id) DO NOTHING, so a Slack retry is a no-op at
-- acknowledgement. The payload is cleared once the event is processed.
CREATE TABLE inbox (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      text        NOT NULL UNIQUE,
    team_id       text        NOT NULL,
    channel_id    text        NULL,
    event_type    text        NOT NULL,
    received_at   timestamptz NOT NULL,
    payload       bytea       NULL,
    state         text        NOT NULL DEFAULT 'pending',
    attempts      integer     NOT NULL DEFAULT 0,
    processed_at  timestamptz NULL,
    last_error    text        NULL
);

CREATE INDEX ix_inbox_pending ON inbox (id) WHERE state = 'pending';

-- Web API calls made (or, in dry-run, that would have been made), for operators to inspect.
CREATE TABLE slack_api_calls (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    method       text        NOT NULL,
    request_json text        NOT NULL,
    dry_run      boolean     NOT NULL,
    created_at   timestamptz NOT NULL,
    team_id      text        NULL
);
