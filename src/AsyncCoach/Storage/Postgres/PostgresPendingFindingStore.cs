using System.Text.Json;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// pending_findings on PostgreSQL: the findings the tracker holds back for their grace window (ids,
/// times and matched phrases, never message text), kept in step with it in each round's transaction.
/// </summary>
public sealed class PostgresPendingFindingStore(PostgresDatabase database) : IPendingFindingStore
{
    private const string UpsertSql = """
        INSERT INTO pending_findings (team_id, channel_id, message_ts, thread_ts, rule_id, author_id, at, due, evidence_json, suggestion)
        VALUES (@TeamId, @ChannelId, @MessageTs, @ThreadTs, @RuleId, @AuthorId, @At, @Due, @EvidenceJson, @Suggestion)
        ON CONFLICT (team_id, channel_id, message_ts, rule_id) DO UPDATE SET
            thread_ts = excluded.thread_ts, author_id = excluded.author_id, at = excluded.at, due = excluded.due,
            evidence_json = excluded.evidence_json, suggestion = excluded.suggestion
        """;

    private const string DeleteSql = """
        DELETE FROM pending_findings
        WHERE team_id = @TeamId AND channel_id = @ChannelId AND message_ts = @MessageTs AND rule_id = @RuleId
        """;

    /// <summary>Applies the tracker's changes one statement each, in their order, inside the caller's transaction.</summary>
    public async Task WriteAsync(IStorageTransaction transaction, IReadOnlyList<PendingChange> changes, CancellationToken cancellationToken)
    {
        var postgres = PostgresTransaction.From(transaction);
        foreach (var change in changes)
        {
            var f = change.Finding;
            await using var command = (change.Due is { } due
                    ? postgres.Command(UpsertSql)
                        .WithText("ThreadTs", f.ThreadTs?.Value).With("AuthorId", f.Author.Value).WithInstant("At", f.At).WithInstant("Due", due)
                        .With("EvidenceJson", JsonSerializer.Serialize(f.Evidence, StorageJsonContext.Default.IReadOnlyListString))
                        .With("Suggestion", f.Suggestion)
                    : postgres.Command(DeleteSql))
                .With("TeamId", f.Team.Value).With("ChannelId", f.Channel.Value).With("MessageTs", f.Ts.Value).With("RuleId", f.RuleId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private const string AllSql = """
        SELECT team_id, channel_id, message_ts, thread_ts, rule_id, author_id, at, due, evidence_json, suggestion
        FROM pending_findings
        ORDER BY due
        """;

    public async Task<IReadOnlyList<(Finding Finding, DateTimeOffset Due)>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, AllSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(Finding, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var threadTs = reader.TextOrNull(3);
            rows.Add((new Finding(
                reader.GetString(4), new TeamId(reader.GetString(0)), new ChannelId(reader.GetString(1)), new MessageTs(reader.GetString(2)),
                threadTs is null ? null : new MessageTs(threadTs), new UserId(reader.GetString(5)), reader.Instant(6),
                JsonSerializer.Deserialize(reader.GetString(8), StorageJsonContext.Default.IReadOnlyListString) ?? [], reader.GetString(9)),
                reader.Instant(7)));
        }

        return rows;
    }
}
