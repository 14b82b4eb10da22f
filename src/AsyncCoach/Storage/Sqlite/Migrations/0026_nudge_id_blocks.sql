-- Ids of new outbox rows in a block per team (issue #17): a team's n-th row is block * 2^32 + n, so
-- its rows sit together on the table's pages and a lane's claim and ends touch one or two pages
-- instead of one per row (WAL frames a message 2.77 -> ~1.2 in bench outbox-db-cpu). Both inserts
-- (NudgeIds.NextSql, in the insert's transaction) bump `next` and take a new block after 2^32 ids.
-- The table keeps its shape: existing rows keep their small ids, all below the first block (1), so
-- every new id is above every old one; a new team takes the block after the highest. Ids stay below
-- 2^53 (exact in JSON and JavaScript) while blocks stay below 2^21; NudgeIds refuses an id past that.
CREATE TABLE nudge_id_blocks (
    team_id TEXT    NOT NULL PRIMARY KEY,
    block   INTEGER NOT NULL UNIQUE,
    next    INTEGER NOT NULL
) WITHOUT ROWID;
