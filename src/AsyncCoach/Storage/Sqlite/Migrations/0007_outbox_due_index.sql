-- The sender asks for due rows (state = 'pending' AND next_attempt_at <= now, oldest first) on
-- every round, and for the next one due. SQLite uses a partial index only when the query's WHERE
-- implies the index's: "state IN ('pending', 'sending')" is not implied by "state = 'pending'",
-- so ix_nudges_pending was never used and every round scanned and sorted the whole outbox,
-- sent rows included, a cost that grew with the table. Recovery of 'sending' rows runs once, at start.
DROP INDEX ix_nudges_pending;
CREATE INDEX ix_outbox_due ON nudges (next_attempt_at) WHERE state = 'pending';
