namespace AsyncCoach.Storage.Postgres;

/// <summary>The digest's findings counters (<c>finding_counts</c>, migration 0011) on PostgreSQL, written once per inbox round.</summary>
public sealed class PostgresFindingCountStore : IFindingCountStore
{
    // One statement for the round's deltas (arrays unnested), so a round costs one round trip.
    // Deltas of one round have distinct keys (FindingCountTally), as ON CONFLICT DO UPDATE requires.
    private const string UpsertSql = """
        INSERT INTO finding_counts (team_id, channel_id, hour, rule_id, findings)
        SELECT * FROM unnest(@TeamIds, @ChannelIds, @Hours, @RuleIds, @Findings)
        ON CONFLICT (team_id, channel_id, hour, rule_id) DO UPDATE SET findings = finding_counts.findings + EXCLUDED.findings
        """;

    /// <summary>Adds a round's counts inside the caller's transaction.</summary>
    public void Add(IStorageTransaction transaction, IEnumerable<FindingCountDelta> deltas)
    {
        var rows = deltas as IReadOnlyCollection<FindingCountDelta> ?? [.. deltas];
        if (rows.Count == 0)
        {
            return;
        }

        var round = PostgresTransaction.From(transaction);
        using var command = round.Command(UpsertSql)
            .With("TeamIds", rows.Select(d => d.TeamId).ToArray())
            .With("ChannelIds", rows.Select(d => d.ChannelId).ToArray())
            .With("Hours", rows.Select(d => d.Hour.ToUniversalTime()).ToArray())
            .With("RuleIds", rows.Select(d => d.RuleId).ToArray())
            .With("Findings", rows.Select(d => (long)d.Findings).ToArray());
        command.ExecuteNonQuery();
    }
}
