using System.Text.Json;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;
using Dapper;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>A pending finding as stored: ids, times and the matched phrases, never message text.</summary>
public sealed record StoredPendingFinding(
    string TeamId, string ChannelId, string MessageTs, string? ThreadTs, string RuleId, string AuthorId,
    string At, string Due, string EvidenceJson, string Suggestion);

/// <summary>
/// SQL for pending_findings: the findings the tracker holds back for their grace window, kept in
/// step with it inside each processing round's transaction, and read back once after a restart.
/// </summary>
public sealed class PendingFindingStore(SqliteDatabase database) : IPendingFindingStore
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

    private const string AllSql = """
        SELECT team_id AS TeamId, channel_id AS ChannelId, message_ts AS MessageTs, thread_ts AS ThreadTs, rule_id AS RuleId,
               author_id AS AuthorId, at AS At, due AS Due, evidence_json AS EvidenceJson, suggestion AS Suggestion
        FROM pending_findings
        ORDER BY due
        """;

    /// <summary>Applies the tracker's changes, in order, inside the caller's transaction.</summary>
    public async Task WriteAsync(IStorageTransaction transaction, IReadOnlyList<PendingChange> changes, CancellationToken cancellationToken)
    {
        var write = SqliteWrite.Of(transaction);
        var connection = write.Connection;
        foreach (var change in changes)
        {
            var f = change.Finding;
            if (change.Due is { } due)
            {
                await connection.ExecuteAsync(UpsertSql, new StoredPendingFinding(
                    f.Team.Value, f.Channel.Value, f.Ts.Value, f.ThreadTs?.Value, f.RuleId, f.Author.Value,
                    StoredInstant.Format(f.At), StoredInstant.Format(due),
                    JsonSerializer.Serialize(f.Evidence, StorageJsonContext.Default.IReadOnlyListString), f.Suggestion), write.Transaction);
            }
            else
            {
                await connection.ExecuteAsync(DeleteSql, new { TeamId = f.Team.Value, ChannelId = f.Channel.Value, MessageTs = f.Ts.Value, f.RuleId }, write.Transaction);
            }
        }
    }

    /// <summary>Every stored pending finding with its due time, the earliest first.</summary>
    public async Task<IReadOnlyList<(Finding Finding, DateTimeOffset Due)>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredPendingFinding>(AllSql);
        return [.. rows.Select(r => (new Finding(
            r.RuleId, new TeamId(r.TeamId), new ChannelId(r.ChannelId), new MessageTs(r.MessageTs),
            r.ThreadTs is null ? null : new MessageTs(r.ThreadTs), new UserId(r.AuthorId), StoredInstant.Parse(r.At),
            JsonSerializer.Deserialize(r.EvidenceJson, StorageJsonContext.Default.IReadOnlyListString) ?? [], r.Suggestion),
            StoredInstant.Parse(r.Due)))];
    }
}
