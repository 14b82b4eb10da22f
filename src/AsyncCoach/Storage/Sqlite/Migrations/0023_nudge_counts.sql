-- How the digest's week of nudges landed without reading every nudge of the week (a team of 500
-- sends ~4,800 a week; reading them with their rules and feedback took ~35-45 ms): per team,
-- channel ('' = the team's total), UTC hour of sent_at and rule, the nudges sent and how many got a
-- "Thanks" and a "Not helpful here". Counters that name nobody; deleted with the nudges they count
-- (TeamDataStore). An hour that a week boundary cuts (30/45-minute zones) is recounted from nudges.
CREATE TABLE nudge_counts (
    team_id     TEXT    NOT NULL,
    channel_id  TEXT    NOT NULL,
    hour        TEXT    NOT NULL,
    rule_id     TEXT    NOT NULL,
    delivered   INTEGER NOT NULL,
    thanks      INTEGER NOT NULL,
    not_helpful INTEGER NOT NULL,
    PRIMARY KEY (team_id, channel_id, hour, rule_id)
) WITHOUT ROWID;

-- Kept where the outcome happens, off the inbox's hot path: when a nudge becomes sent (the outbox's
-- end of a send, once per nudge) and when its author answers with a button (once per nudge and
-- kind). A trigger rather than a store call, so every writer of those rows keeps the counters exact
-- without the outbox sender or the feedback handler knowing about them. Feedback given before
-- the sent state is written (a quick click while the send's commit waits) is counted at sent.
CREATE TRIGGER nudge_counts_sent AFTER UPDATE OF state ON nudges
WHEN new.state = 'sent' AND old.state <> 'sent' AND new.kind = 'nudge' AND new.sent_at IS NOT NULL
BEGIN
    INSERT INTO nudge_counts (team_id, channel_id, hour, rule_id, delivered, thanks, not_helpful)
    SELECT new.team_id, CASE c.k WHEN 0 THEN '' ELSE new.channel_id END, substr(new.sent_at, 1, 13) || ':00:00.0000000Z', r.rule_id, 1,
           EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = new.id AND f.kind = 'thanks'),
           EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = new.id AND f.kind = 'not_helpful')
    FROM nudge_rules r, (SELECT 0 AS k UNION ALL SELECT 1) c
    WHERE r.nudge_id = new.id
    ON CONFLICT (team_id, channel_id, hour, rule_id) DO UPDATE SET
        delivered = delivered + excluded.delivered, thanks = thanks + excluded.thanks, not_helpful = not_helpful + excluded.not_helpful;
END;

CREATE TRIGGER nudge_counts_feedback AFTER INSERT ON nudge_feedback
WHEN new.kind IN ('thanks', 'not_helpful')
BEGIN
    INSERT INTO nudge_counts (team_id, channel_id, hour, rule_id, delivered, thanks, not_helpful)
    SELECT n.team_id, CASE c.k WHEN 0 THEN '' ELSE n.channel_id END, substr(n.sent_at, 1, 13) || ':00:00.0000000Z', r.rule_id, 0,
           new.kind = 'thanks', new.kind = 'not_helpful'
    FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id, (SELECT 0 AS k UNION ALL SELECT 1) c
    WHERE n.id = new.nudge_id AND n.state = 'sent' AND n.kind = 'nudge' AND n.sent_at IS NOT NULL
    ON CONFLICT (team_id, channel_id, hour, rule_id) DO UPDATE SET
        thanks = thanks + excluded.thanks, not_helpful = not_helpful + excluded.not_helpful;
END;

-- Backfill from the nudges already sent. bench/digest-seed.py runs the statements after this line again.
INSERT INTO nudge_counts (team_id, channel_id, hour, rule_id, delivered, thanks, not_helpful)
SELECT n.team_id, CASE c.k WHEN 0 THEN '' ELSE n.channel_id END, substr(n.sent_at, 1, 13) || ':00:00.0000000Z', r.rule_id, COUNT(*),
       SUM(EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'thanks')),
       SUM(EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'not_helpful'))
FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id, (SELECT 0 AS k UNION ALL SELECT 1) c
WHERE n.state = 'sent' AND n.kind = 'nudge' AND n.sent_at IS NOT NULL
GROUP BY 1, 2, 3, 4;
