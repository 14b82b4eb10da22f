-- How the week's nudges landed, per team, channel ('' = the team's total), UTC hour of sent_at and
-- rule (SQLite 0023): sent, "Thanks", "Not helpful here". Kept by triggers where the outcome
-- happens (a nudge becomes sent; its author answers), so every writer of those rows keeps them exact.
CREATE TABLE nudge_counts (
    team_id     text        NOT NULL,
    channel_id  text        NOT NULL,
    hour        timestamptz NOT NULL,
    rule_id     text        NOT NULL,
    delivered   bigint      NOT NULL,
    thanks      bigint      NOT NULL,
    not_helpful bigint      NOT NULL,
    PRIMARY KEY (team_id, channel_id, hour, rule_id)
);

-- A nudge becomes sent: one per rule, with the feedback given before the sent state was written.
CREATE FUNCTION nudge_counts_sent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO nudge_counts (team_id, channel_id, hour, rule_id, delivered, thanks, not_helpful)
    SELECT NEW.team_id, c.channel_id, date_trunc('hour', NEW.sent_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', r.rule_id, 1,
           (EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = NEW.id AND f.kind = 'thanks'))::int,
           (EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = NEW.id AND f.kind = 'not_helpful'))::int
    FROM nudge_rules r CROSS JOIN (VALUES (''), (NEW.channel_id)) AS c (channel_id)
    WHERE r.nudge_id = NEW.id
    ON CONFLICT (team_id, channel_id, hour, rule_id) DO UPDATE SET
        delivered = nudge_counts.delivered + EXCLUDED.delivered,
        thanks = nudge_counts.thanks + EXCLUDED.thanks,
        not_helpful = nudge_counts.not_helpful + EXCLUDED.not_helpful;
    RETURN NULL;
END;
$$;

CREATE TRIGGER nudge_counts_sent AFTER UPDATE OF state ON nudges
FOR EACH ROW WHEN (NEW.state = 'sent' AND OLD.state <> 'sent' AND NEW.kind = 'nudge' AND NEW.sent_at IS NOT NULL)
EXECUTE FUNCTION nudge_counts_sent();

-- An answer to a nudge already sent (one per nudge and kind: nudge_feedback's key).
CREATE FUNCTION nudge_counts_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO nudge_counts (team_id, channel_id, hour, rule_id, delivered, thanks, not_helpful)
    SELECT n.team_id, c.channel_id, date_trunc('hour', n.sent_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', r.rule_id, 0,
           (NEW.kind = 'thanks')::int, (NEW.kind = 'not_helpful')::int
    FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id CROSS JOIN LATERAL (VALUES (''), (n.channel_id)) AS c (channel_id)
    WHERE n.id = NEW.nudge_id AND n.state = 'sent' AND n.kind = 'nudge' AND n.sent_at IS NOT NULL
    ON CONFLICT (team_id, channel_id, hour, rule_id) DO UPDATE SET
        thanks = nudge_counts.thanks + EXCLUDED.thanks,
        not_helpful = nudge_counts.not_helpful + EXCLUDED.not_helpful;
    RETURN NULL;
END;
$$;

CREATE TRIGGER nudge_counts_feedback AFTER INSERT ON nudge_feedback
FOR EACH ROW WHEN (NEW.kind IN ('thanks', 'not_helpful'))
EXECUTE FUNCTION nudge_counts_feedback();

-- Backfill from the nudges already sent.
INSERT INTO nudge_counts (team_id, channel_id, hour, rule_id, delivered, thanks, not_helpful)
SELECT n.team_id, c.channel_id, date_trunc('hour', n.sent_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', r.rule_id, COUNT(*),
       COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'thanks')),
       COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM nudge_feedback f WHERE f.nudge_id = n.id AND f.kind = 'not_helpful'))
FROM nudges n JOIN nudge_rules r ON r.nudge_id = n.id CROSS JOIN LATERAL (VALUES (''), (n.channel_id)) AS c (channel_id)
WHERE n.state = 'sent' AND n.kind = 'nudge' AND n.sent_at IS NOT NULL
GROUP BY 1, 2, 3, 4;
