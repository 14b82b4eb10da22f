-- The sender's due read (OutboxStore.DueSql) answered from the index alone. It returns id, team_id,
-- kind and expires_at of up to 100 rows a round, and with (next_attempt_at, team_id) the last two
-- came from the table: one nudges page per row read, on a connection whose page cache the previous
-- commit of the group commit had emptied, so ~2.4 page reads (pread of pages in the log) a message
-- sent in a drain (bench outbox-db-cpu, issue #17). id keeps the order (next_attempt_at, team_id,
-- id) the index's own; kind and expires_at after it are only carried. The entries are written and
-- removed by the same commits as before (insert, claim, deferral), a little wider.
DROP INDEX ix_outbox_due_team;
CREATE INDEX ix_outbox_due_team ON nudges (next_attempt_at, team_id, id, kind, expires_at) WHERE state = 'pending';
