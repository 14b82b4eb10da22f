using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// The id of a new <c>nudges</c> row (any kind): <c>block × 2^32 + n</c> from the team's block in
/// <c>nudge_id_blocks</c> (0026), taken in the insert's transaction, so a team's rows are
/// neighbours in the table (issue #17). Ids within a team increase in insert order; ids of
/// different teams are not comparable as times. Below 2^53 (safe in JSON) while blocks stay
/// below 2^21.
/// </summary>
internal static class NudgeIds
{
    /// <summary>Ids a block holds: n runs from 0 to 2^32 - 1.</summary>
    public const long BlockSize = 1L << 32;

    // One statement: the team's next n, or its first block (the one after the highest, 1 for the
    // first team), or, when its block is full, a new block from n = 0. A conflict on `block` cannot
    // happen: the writer holds the database's write lock. The id is spent even if the insert that
    // follows is a no-op (a duplicate message): a gap, which nothing reads.
    internal const string NextSql = """
        INSERT INTO nudge_id_blocks (team_id, block, next)
        VALUES (@TeamId, (SELECT COALESCE(MAX(block), 0) + 1 FROM nudge_id_blocks), 0)
        ON CONFLICT (team_id) DO UPDATE SET
            block = CASE WHEN next + 1 < 4294967296 THEN block ELSE (SELECT MAX(block) + 1 FROM nudge_id_blocks) END,
            next = CASE WHEN next + 1 < 4294967296 THEN next + 1 ELSE 0 END
        RETURNING block * 4294967296 + next
        """;

    /// <summary>Ids above this are not exact as a double (JSON numbers, button values read by JavaScript).</summary>
    public const long MaxSafe = (1L << 53) - 1;

    /// <summary>
    /// The id for the team's next row, in <paramref name="write"/>'s transaction (prepared on kept
    /// connections). Throws past <see cref="MaxSafe"/> (the 2^21st block); the caller's transaction
    /// then rolls back, the block with it.
    /// </summary>
    public static long Next(SqliteWrite write, string teamId)
    {
        using var lease = PreparedCommands.Rent(write.Connection, write.Transaction, NextSql, static p => p.Add("@TeamId", SqliteType.Text));
        lease.Command.Parameters[0].Value = teamId;
        var id = (long)lease.Command.ExecuteScalar()!;
        return id <= MaxSafe
            ? id
            : throw new InvalidOperationException($"Outbox ids are spent: team {teamId} would take id {id}, past 2^53 - 1 (nudge_id_blocks holds 2^21 - 1 blocks of 2^32).");
    }
}
