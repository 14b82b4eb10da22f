-- The sender reads due rows oldest first, passing over the teams whose lanes are already busy
-- with a backlog (OutboxStore.DueSql), so one workspace's backlog does not hold up another's
-- first message. With team_id in the index the rows passed over are skipped in the index,
-- without reading the table, and the order (next_attempt_at, team_id, id) is the index's own,
-- so nothing is sorted. "When is the next row due" is served by the same index. Partial on
-- state = 'pending', and the queries say so literally (see 0007).
DROP INDEX ix_outbox_due;
CREATE INDEX ix_outbox_due_team ON nudges (next_attempt_at, team_id) WHERE state = 'pending';
