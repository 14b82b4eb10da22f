-- Conversation partitions on the inbox (issue #19, branch part19): each row carries the partition
-- of its conversation, filled at acknowledgement by the instance that inserts it
-- (ConversationPartitions.Of), so an instance claims the pending rows of the partitions it leases
-- (partition = ANY (@Held)) without hashing anything at claim time.

-- The same FNV-1a as ConversationPartitions.Of (UTF-8 of team, a 0 byte, UTF-8 of channel or
-- nothing; modulo 256), for the backfill below and for operators (psql: which partition is a
-- conversation in?). A test checks it against the C# for the same inputs.
CREATE FUNCTION conversation_partition(team_id text, channel_id text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
    bytes bytea := convert_to(team_id, 'UTF8') || '\x00'::bytea || convert_to(coalesce(channel_id, ''), 'UTF8');
    hash  bigint := 2166136261;
BEGIN
    FOR i IN 0 .. length(bytes) - 1 LOOP
        hash := ((hash # get_byte(bytes, i)) * 16777619) & 4294967295;
    END LOOP;
    RETURN (hash % 256)::integer;
END
$$;

-- Null only on rows finished before this migration (never claimed again); the backfill gives
-- every row still pending its partition, in the migration's transaction, so no instance of the new
-- version sees a pending row without one.
ALTER TABLE inbox ADD COLUMN partition integer NULL;

UPDATE inbox SET partition = conversation_partition(team_id, channel_id) WHERE state = 'pending';
