-- The digest's findings counters (SQLite 0022): per team, channel ('' = the team's total), UTC hour
-- and rule. Written once per inbox round from the round's tally of the findings it inserted
-- (IFindingCountStore), in the round's transaction; counters that name nobody.
CREATE TABLE finding_counts (
    team_id    text        NOT NULL,
    channel_id text        NOT NULL,
    hour       timestamptz NOT NULL,
    rule_id    text        NOT NULL,
    findings   bigint      NOT NULL,
    PRIMARY KEY (team_id, channel_id, hour, rule_id)
);

-- Backfill from the findings already recorded; the hour is the UTC hour whatever the session's zone.
INSERT INTO finding_counts (team_id, channel_id, hour, rule_id, findings)
SELECT team_id, '', date_trunc('hour', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', rule_id, COUNT(*) FROM findings GROUP BY 1, 2, 3, 4;
INSERT INTO finding_counts (team_id, channel_id, hour, rule_id, findings)
SELECT team_id, channel_id, date_trunc('hour', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', rule_id, COUNT(*) FROM findings GROUP BY 1, 2, 3, 4;
