using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>SQL for the digest's findings counters (<c>finding_counts</c>, migration 0022), written once per inbox round.</summary>
public sealed class FindingCountStore : IFindingCountStore
{
    private const string UpsertSql = """
        INSERT INTO finding_counts (team_id, channel_id, hour, rule_id, findings)
        VALUES (@TeamId, @ChannelId, @Hour, @RuleId, @Findings)
        ON CONFLICT (team_id, channel_id, hour, rule_id) DO UPDATE SET findings = findings + excluded.findings
        """;

    /// <summary>Adds a round's counts inside the caller's transaction.</summary>
    public void Add(IStorageTransaction transaction, IEnumerable<FindingCountDelta> deltas)
    {
        var write = SqliteWrite.Of(transaction);
        using var lease = PreparedCommands.Rent(write.Connection, write.Transaction, UpsertSql, Define);
        var p = lease.Command.Parameters;
        foreach (var d in deltas)
        {
            p[0].Value = d.TeamId;
            p[1].Value = d.ChannelId;
            p[2].Value = StoredInstant.Format(d.Hour);
            p[3].Value = d.RuleId;
            p[4].Value = d.Findings;
            lease.Command.ExecuteNonQuery();
        }
    }

    private static void Define(SqliteParameterCollection p)
    {
        p.Add("@TeamId", SqliteType.Text);
        p.Add("@ChannelId", SqliteType.Text);
        p.Add("@Hour", SqliteType.Text);
        p.Add("@RuleId", SqliteType.Text);
        p.Add("@Findings", SqliteType.Integer);
    }
}
