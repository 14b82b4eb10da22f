-- The sender reads due rows fairly across teams: up to a lane's worth per team, team by team
-- (OutboxStore.DueSql), so one workspace's backlog does not hold up another's first message.
-- This index gives each step of that read (the next team with pending rows, that team's oldest
-- due rows) as one short range, whatever the backlog. ix_outbox_due still serves "when is the
-- next row due". Both are partial on state = 'pending' and the queries say so literally.
CREATE INDEX ix_outbox_due_team ON nudges (team_id, next_attempt_at) WHERE state = 'pending';
