-- Conversation partitions (branch pgrest): a fixed number of partitions by a stable hash of
-- (team, channel), each leased by one instance at a time. token is the fencing token: raised by
-- every acquisition, never by a renewal, so a write carrying an older one is refused. Rows are
-- added by the lease store (one per partition) the first time it runs.
CREATE TABLE partition_leases (
    partition   integer     PRIMARY KEY,
    owner       text        NULL,
    token       bigint      NOT NULL DEFAULT 0,
    lease_until timestamptz NOT NULL DEFAULT '-infinity'
);

-- The instances taking part, each announcing itself every round: the fair share is the
-- partitions divided by those alive, so a new instance gets its share before it holds any.
CREATE TABLE partition_members (
    owner       text        PRIMARY KEY,
    alive_until timestamptz NOT NULL
);
