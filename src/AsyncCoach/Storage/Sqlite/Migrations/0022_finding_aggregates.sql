-- The digest's findings per rule and week without recounting findings (a year of a team of 500 is
-- ~5 M rows; recounting four weeks took 120 ms). Weeks are Monday to Monday in each lead's zone
-- and a lead may narrow the digest to channels, so the grain answers any week and any channel set:
-- per team, channel, UTC hour and rule. channel_id '' holds the team's total over all channels, so
-- a whole-team digest reads 168 rows per rule and week whatever the number of channels. An hour
-- that a week boundary cuts (30/45-minute zones) is recounted from findings (DigestStore).
CREATE TABLE finding_counts (
    team_id    TEXT    NOT NULL,
    channel_id TEXT    NOT NULL,
    hour       TEXT    NOT NULL,
    rule_id    TEXT    NOT NULL,
    findings   INTEGER NOT NULL,
    PRIMARY KEY (team_id, channel_id, hour, rule_id)
) WITHOUT ROWID;

-- Who had a finding of which rule on which UTC day (and in which channel; '' = any), for the
-- privacy floor's distinct authors of this week's rules. It names people: it goes with findings
-- (Retention:DataDays, forget-me, a team that leaves).
CREATE TABLE finding_people (
    team_id    TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    day        TEXT NOT NULL,
    rule_id    TEXT NOT NULL,
    author_id  TEXT NOT NULL,
    PRIMARY KEY (team_id, channel_id, day, rule_id, author_id)
) WITHOUT ROWID;

-- Kept by FindingStore.AddAsync in the inserting transaction (the inbox round's), for the rows it
-- actually inserted, aggregated per call (an AFTER INSERT trigger did the same row by row and
-- cost three times as much per finding). Stored instants are 'yyyy-MM-ddTHH:mm:ss.fffffffZ'
-- (StoredInstant), so the hour and the day are prefixes.

-- Backfill from the findings already recorded.
INSERT INTO finding_counts (team_id, channel_id, hour, rule_id, findings)
SELECT team_id, '', substr(at, 1, 13) || ':00:00.0000000Z', rule_id, COUNT(*) FROM findings GROUP BY 1, 2, 3, 4;
INSERT INTO finding_counts (team_id, channel_id, hour, rule_id, findings)
SELECT team_id, channel_id, substr(at, 1, 13) || ':00:00.0000000Z', rule_id, COUNT(*) FROM findings GROUP BY 1, 2, 3, 4;
INSERT INTO finding_people (team_id, channel_id, day, rule_id, author_id)
SELECT DISTINCT team_id, '', substr(at, 1, 10) || 'T00:00:00.0000000Z', rule_id, author_id FROM findings;
INSERT INTO finding_people (team_id, channel_id, day, rule_id, author_id)
SELECT DISTINCT team_id, channel_id, substr(at, 1, 10) || 'T00:00:00.0000000Z', rule_id, author_id FROM findings;
