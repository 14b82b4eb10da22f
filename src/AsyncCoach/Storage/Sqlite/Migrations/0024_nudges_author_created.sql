-- The caps' counts (NudgeStore.CountsAsync: an author's nudges since the start of their day, run
-- in the inbox round for every message with a finding) filter on created_at, which the old index
-- (team_id, author_id, day_start) did not hold: every nudge the author ever had was read, more each
-- day the history grows. Leading with (team_id, author_id), it serves the digest's reads of a
-- lead's nudges as the old one did.
DROP INDEX ix_nudges_author;
CREATE INDEX ix_nudges_author ON nudges (team_id, author_id, created_at);
