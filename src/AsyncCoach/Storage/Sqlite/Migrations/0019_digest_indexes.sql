-- The digest's per-rule, per-week counts read each (rule, week) as one range of this index, in
-- index order and without touching the table: with (team_id, at) alone a year-old team of 500
-- sorted four weeks of findings (~385,000 rows) on every digest (docs/benchmarks.md, "Weekly digest").
CREATE INDEX ix_findings_team_rule_at ON findings (team_id, rule_id, at, author_id, channel_id);

-- This week's sent nudges of a team, for the digest: without it the digest scanned every nudge
-- row of every team. Partial: only sent rows are read, and a pending one never enters it.
CREATE INDEX ix_nudges_team_sent ON nudges (team_id, sent_at) WHERE state = 'sent';
