-- The digest's findings per rule and week without recounting findings (a year of a team of 500 is
-- ~5 M rows; recounting four weeks took ~115 ms). Weeks are Monday to Monday in each lead's zone
-- and a lead may narrow the digest to channels, so the grain answers any week and any channel set:
-- per team, channel, UTC hour and rule. channel_id '' holds the team's total over all channels, so
-- a whole-team digest reads at most 168 rows per rule and week. Counters that name nobody (kept
-- like the activity counters, Retention:CounterDays). Written once per inbox round from the round's
-- tally of the findings it inserted (FindingCountTally, IFindingCountStore), in the round's
-- transaction. An hour that a week boundary cuts (30/45-minute zones) is recounted from findings.
-- Distinct authors are not kept: the privacy floor reads them from findings, stopping at the cap.
CREATE TABLE finding_counts (
    team_id    TEXT    NOT NULL,
    channel_id TEXT    NOT NULL,
    hour       TEXT    NOT NULL,
    rule_id    TEXT    NOT NULL,
    findings   INTEGER NOT NULL,
    PRIMARY KEY (team_id, channel_id, hour, rule_id)
) WITHOUT ROWID;

-- Backfill from the findings already recorded (stored instants are 'yyyy-MM-ddTHH:mm:ss.fffffffZ',
-- so the hour is a prefix). bench/digest-seed.py runs the statements after this line again.
INSERT INTO finding_counts (team_id, channel_id, hour, rule_id, findings)
SELECT team_id, '', substr(at, 1, 13) || ':00:00.0000000Z', rule_id, COUNT(*) FROM findings GROUP BY 1, 2, 3, 4;
INSERT INTO finding_counts (team_id, channel_id, hour, rule_id, findings)
SELECT team_id, channel_id, substr(at, 1, 13) || ':00:00.0000000Z', rule_id, COUNT(*) FROM findings GROUP BY 1, 2, 3, 4;
