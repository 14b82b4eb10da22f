-- As SQLite's 0024: the caps' counts (an author's nudges since the start of their day, read in the
-- inbox round for every message with a finding) filter on created_at, which (team_id, author_id,
-- day_start) did not hold, so every nudge the author ever had was read. Still leads with
-- (team_id, author_id) for the digest's reads of a lead's nudges.
DROP INDEX ix_nudges_author;
CREATE INDEX ix_nudges_author ON nudges (team_id, author_id, created_at);
