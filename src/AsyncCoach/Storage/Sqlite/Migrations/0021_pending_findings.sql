-- Missing-context findings waiting out their grace window (a greeting with nothing else yet), kept
-- so that a restart still judges them: a follow-up after the restart cancels one, and one whose
-- window passed is released. Written in the processing round's transaction; a row lives minutes.
-- Ids, times and the matched phrases only, as in findings: never message text.
CREATE TABLE pending_findings (
    team_id       TEXT NOT NULL,
    channel_id    TEXT NOT NULL,
    message_ts    TEXT NOT NULL,
    thread_ts     TEXT NULL,
    rule_id       TEXT NOT NULL,
    author_id     TEXT NOT NULL,
    at            TEXT NOT NULL,
    due           TEXT NOT NULL,
    evidence_json TEXT NOT NULL,
    suggestion    TEXT NOT NULL,
    PRIMARY KEY (team_id, channel_id, message_ts, rule_id)
);
