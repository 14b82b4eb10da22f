using Dapper;

namespace AsyncCoach.Storage;

/// <summary>
/// Deleting data: all of a team's (after it left), and whatever is older than the retention
/// period. THE place that knows which tables hold whose data: a new table with a team_id (or an
/// age) gets its DELETE added to the lists below, and every purge covers it.
/// </summary>
public sealed class TeamDataStore(SqliteDatabase database)
{
    // Children first (nudge rows are referenced by id). @TeamId is a team (T…) or an org (E…).
    private const string TeamNudgeChildrenSql = """
        DELETE FROM nudge_feedback WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId);
        DELETE FROM nudge_attempts WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId);
        DELETE FROM nudge_rules WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId);
        """;

    private const string TeamRowsSql = """
        DELETE FROM nudges WHERE team_id = @TeamId;
        DELETE FROM findings WHERE team_id = @TeamId;
        DELETE FROM activity_counters WHERE team_id = @TeamId;
        DELETE FROM activity_people WHERE team_id = @TeamId;
        DELETE FROM person_settings WHERE team_id = @TeamId;
        DELETE FROM team_norms WHERE team_id = @TeamId;
        DELETE FROM digest_settings WHERE team_id = @TeamId;
        DELETE FROM phrase_feedback WHERE team_id = @TeamId;
        DELETE FROM slack_api_calls WHERE team_id = @TeamId;
        DELETE FROM installation_teams WHERE team_id = @TeamId OR enterprise_id = @TeamId;
        DELETE FROM installations WHERE team_id = @TeamId;
        """;

    private static readonly string[] TeamSql = [TeamNudgeChildrenSql, TeamRowsSql];

    /// <summary>Deletes everything stored about <paramref name="teamId"/>, in one transaction.</summary>
    public async Task DeleteTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        foreach (var sql in TeamSql)
        {
            await write.Connection.ExecuteAsync(sql, new { TeamId = teamId }, write.Transaction);
        }

        await write.CommitAsync(cancellationToken);
    }

    private const string EndPendingSql = """
        UPDATE nudges SET state = 'failed', end_reason = @Reason, content_json = NULL
        WHERE team_id = @TeamId AND state = 'pending'
        """;

    /// <summary>Ends the team's pending outbox rows at once (the team left); returns how many.</summary>
    public async Task<int> EndPendingAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var ended = await write.Connection.ExecuteAsync(EndPendingSql, new { TeamId = teamId, Reason = reason }, write.Transaction);
        await write.CommitAsync(cancellationToken);
        return ended;
    }

    private const string OldNudgeChildrenSql = """
        DELETE FROM nudge_feedback WHERE nudge_id IN (SELECT id FROM nudges WHERE created_at < @Before AND state NOT IN ('pending', 'sending'));
        DELETE FROM nudge_attempts WHERE nudge_id IN (SELECT id FROM nudges WHERE created_at < @Before AND state NOT IN ('pending', 'sending'));
        DELETE FROM nudge_rules WHERE nudge_id IN (SELECT id FROM nudges WHERE created_at < @Before AND state NOT IN ('pending', 'sending'));
        """;

    private const string OldRowsSql = """
        DELETE FROM nudges WHERE created_at < @Before AND state NOT IN ('pending', 'sending');
        DELETE FROM findings WHERE created_at < @Before;
        DELETE FROM activity_people WHERE hour < @Before;
        DELETE FROM phrase_feedback WHERE at < @Before;
        DELETE FROM slack_api_calls WHERE created_at < @DryRunBefore;
        DELETE FROM oauth_states WHERE expires_at < @Now;
        """;

    private static readonly string[] OldSql = [OldNudgeChildrenSql, OldRowsSql];

    /// <summary>
    /// Deletes findings, nudge history, attempts and feedback from before <paramref name="before"/>,
    /// dry-run calls from before <paramref name="dryRunBefore"/>, and used install states that expired.
    /// </summary>
    public async Task DeleteOldAsync(DateTimeOffset before, DateTimeOffset dryRunBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        foreach (var sql in OldSql)
        {
            await write.Connection.ExecuteAsync(sql, new { Before = before, DryRunBefore = dryRunBefore, Now = now }, write.Transaction);
        }

        await write.CommitAsync(cancellationToken);
    }

    // An hour goes once all of it is older than the period: its start is more than an hour before.
    private const string OldCountersSql = "DELETE FROM activity_counters WHERE hour <= @HourBefore";

    /// <summary>Deletes hourly activity counters (which name nobody) of hours before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> DeleteOldCountersAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var deleted = await write.Connection.ExecuteAsync(OldCountersSql, new { HourBefore = before.AddHours(-1) }, write.Transaction);
        await write.CommitAsync(cancellationToken);
        return deleted;
    }

    private const string LeftBeforeSql = "SELECT team_id FROM installations WHERE uninstalled_at IS NOT NULL AND uninstalled_at <= @Before";

    /// <summary>Teams that left at or before <paramref name="before"/> and have not come back.</summary>
    public async Task<IReadOnlyList<string>> TeamsLeftBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(LeftBeforeSql, new { Before = before })).AsList();
    }
}

