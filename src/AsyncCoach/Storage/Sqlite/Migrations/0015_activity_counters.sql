-- The digest's denominator: messages seen and messages that reached someone outside their hours,
-- per team, UTC hour (its start, as stored instants are written) and channel kind (public,
-- private, mpim, im). Aggregate counters that name no person: kept for Retention:CounterDays.
CREATE TABLE activity_counters (
    team_id     TEXT    NOT NULL,
    hour        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    messages    INTEGER NOT NULL,
    after_hours INTEGER NOT NULL,
    PRIMARY KEY (team_id, hour, kind)
) WITHOUT ROWID;

-- Who wrote in which UTC hour, for the privacy floor's distinct-people counts only. It names
-- people, so it is kept no longer than findings (Retention:DataDays) and never with the counters.
CREATE TABLE activity_people (
    team_id   TEXT NOT NULL,
    hour      TEXT NOT NULL,
    author_id TEXT NOT NULL,
    PRIMARY KEY (team_id, hour, author_id)
) WITHOUT ROWID;
