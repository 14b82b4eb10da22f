using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// Deleting data (<see cref="ITeamDataStore"/>) on PostgreSQL: a team's, a person's, and what is
/// older than the retention period. The same statements as the SQLite provider's, table by
/// table (children before the outbox rows they reference), with PostgreSQL's types: a list of
/// teams is a <c>text[]</c>, flags are booleans.
/// </summary>
public sealed class PostgresTeamDataStore(PostgresDatabase database) : ITeamDataStore
{
    private static readonly (string Table, string Sql)[] TeamSql =
    [
        ("nudge_feedback", "DELETE FROM nudge_feedback WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId)"),
        ("nudge_attempts", "DELETE FROM nudge_attempts WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId)"),
        ("nudge_rules", "DELETE FROM nudge_rules WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId)"),
        ("nudges", "DELETE FROM nudges WHERE team_id = @TeamId"),
        ("findings", "DELETE FROM findings WHERE team_id = @TeamId"),
        ("pending_findings", "DELETE FROM pending_findings WHERE team_id = @TeamId"),
        ("activity_counters", "DELETE FROM activity_counters WHERE team_id = @TeamId"),
        ("activity_people", "DELETE FROM activity_people WHERE team_id = @TeamId"),
        ("finding_counts", "DELETE FROM finding_counts WHERE team_id = @TeamId"),
        ("nudge_counts", "DELETE FROM nudge_counts WHERE team_id = @TeamId"),
        ("person_settings", "DELETE FROM person_settings WHERE team_id = @TeamId"),
        ("team_norms", "DELETE FROM team_norms WHERE team_id = @TeamId"),
        ("digest_settings", "DELETE FROM digest_settings WHERE team_id = @TeamId"),
        ("phrase_feedback", "DELETE FROM phrase_feedback WHERE team_id = @TeamId"),
        ("slack_api_calls", "DELETE FROM slack_api_calls WHERE team_id = @TeamId"),
        ("installation_teams", "DELETE FROM installation_teams WHERE team_id = @TeamId OR enterprise_id = @TeamId"),
        ("installations", "DELETE FROM installations WHERE team_id = @TeamId"),
    ];

    // An org-wide installation's workspaces keep their rows under their own ids (T…): they leave
    // with it, unless one has an installation of its own.
    private const string OrgWorkspacesSql = """
        SELECT team_id FROM installation_teams
        WHERE enterprise_id = @TeamId AND team_id NOT IN (SELECT team_id FROM installations)
        """;

    public async Task<DeletedRows> DeleteTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        var deleted = new DeletedRows();
        await using var transaction = await PostgresTransaction.BeginAsync(database, cancellationToken);
        var workspaces = await transaction.Command(OrgWorkspacesSql).With("TeamId", teamId).ReadStringsAsync(cancellationToken);
        foreach (var team in workspaces.Append(teamId))
        {
            foreach (var (table, sql) in TeamSql)
            {
                await using var command = transaction.Command(sql).With("TeamId", team);
                deleted.Add(table, await command.ExecuteNonQueryAsync(cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private const string EndPendingSql = """
        UPDATE nudges SET state = 'failed', end_reason = @Reason, content_json = NULL
        WHERE state = 'pending'
          AND (team_id = @TeamId OR team_id IN (SELECT team_id FROM installation_teams WHERE enterprise_id = @TeamId AND team_id NOT IN (SELECT team_id FROM installations)))
        """;

    public async Task<int> EndPendingAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, EndPendingSql).With("TeamId", teamId).With("Reason", reason);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The default period, for every team that did not set its own retention_days norm
    // (@OwnRetention: those teams, which the per-team statements below cover). Children first.
    private const string OldOwnRetention = "team_id <> ALL (@OwnRetention)";
    private const string OldNudgeIds = $"SELECT id FROM nudges WHERE created_at < @Before AND state NOT IN ('pending', 'sending') AND {OldOwnRetention}";

    private static readonly (string Table, string Sql)[] OldSql =
    [
        ("nudge_feedback", $"DELETE FROM nudge_feedback WHERE nudge_id IN ({OldNudgeIds})"),
        ("nudge_attempts", $"DELETE FROM nudge_attempts WHERE nudge_id IN ({OldNudgeIds})"),
        ("nudge_rules", $"DELETE FROM nudge_rules WHERE nudge_id IN ({OldNudgeIds})"),
        ("nudges", $"DELETE FROM nudges WHERE id IN ({OldNudgeIds})"),
        ("findings", $"DELETE FROM findings WHERE created_at < @Before AND {OldOwnRetention}"),
        ("activity_people", $"DELETE FROM activity_people WHERE hour < @Before AND {OldOwnRetention}"),
        ("finding_counts", $"DELETE FROM finding_counts WHERE hour < @Before AND {OldOwnRetention}"),
        ("nudge_counts", $"DELETE FROM nudge_counts WHERE hour < @Before AND {OldOwnRetention}"),
        ("phrase_feedback", $"DELETE FROM phrase_feedback WHERE at < @Before AND {OldOwnRetention}"),
        ("slack_api_calls", "DELETE FROM slack_api_calls WHERE created_at < @DryRunBefore"),
        ("oauth_states", "DELETE FROM oauth_states WHERE expires_at < @Now"),
    ];

    // A team's own retention_days norm: the same age deletes, for that team (@TeamId) and its @Before.
    private const string TeamOldNudgeIds = "SELECT id FROM nudges WHERE team_id = @TeamId AND created_at < @Before AND state NOT IN ('pending', 'sending')";

    private static readonly (string Table, string Sql)[] TeamOldSql =
    [
        ("nudge_feedback", $"DELETE FROM nudge_feedback WHERE nudge_id IN ({TeamOldNudgeIds})"),
        ("nudge_attempts", $"DELETE FROM nudge_attempts WHERE nudge_id IN ({TeamOldNudgeIds})"),
        ("nudge_rules", $"DELETE FROM nudge_rules WHERE nudge_id IN ({TeamOldNudgeIds})"),
        ("nudges", $"DELETE FROM nudges WHERE id IN ({TeamOldNudgeIds})"),
        ("findings", "DELETE FROM findings WHERE team_id = @TeamId AND created_at < @Before"),
        ("activity_people", "DELETE FROM activity_people WHERE team_id = @TeamId AND hour < @Before"),
        ("finding_counts", "DELETE FROM finding_counts WHERE team_id = @TeamId AND hour < @Before"),
        ("nudge_counts", "DELETE FROM nudge_counts WHERE team_id = @TeamId AND hour < @Before"),
        ("phrase_feedback", "DELETE FROM phrase_feedback WHERE team_id = @TeamId AND at < @Before"),
    ];

    public async Task<DeletedRows> DeleteOldAsync(
        DateTimeOffset before, IReadOnlyDictionary<string, DateTimeOffset> teamsBefore, DateTimeOffset dryRunBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = new DeletedRows();
        var ownRetention = teamsBefore.Keys.ToArray();
        await using var transaction = await PostgresTransaction.BeginAsync(database, cancellationToken);
        foreach (var (table, sql) in OldSql)
        {
            await using var command = transaction.Command(sql).WithInstant("Before", before).WithInstant("DryRunBefore", dryRunBefore)
                .WithInstant("Now", now).With("OwnRetention", ownRetention);
            deleted.Add(table, await command.ExecuteNonQueryAsync(cancellationToken));
        }

        foreach (var (team, teamBefore) in teamsBefore)
        {
            foreach (var (table, sql) in TeamOldSql)
            {
                await using var command = transaction.Command(sql).With("TeamId", team).WithInstant("Before", teamBefore);
                deleted.Add(table, await command.ExecuteNonQueryAsync(cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    // An hour goes once all of it is older than the period: its start is more than an hour before.
    private const string OldCountersSql = "DELETE FROM activity_counters WHERE hour <= @HourBefore";

    public async Task<int> DeleteOldCountersAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, OldCountersSql).WithInstant("HourBefore", before.AddHours(-1));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string LeftBeforeSql = "SELECT team_id FROM installations WHERE uninstalled_at IS NOT NULL AND uninstalled_at <= @Before ORDER BY team_id";

    public async Task<IReadOnlyList<string>> TeamsLeftBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.Command(connection, LeftBeforeSql).WithInstant("Before", before).ReadStringsAsync(cancellationToken);
    }

    // Per person (/async forget-me), in PersonDataKinds.All's order. A row being sent at this very
    // moment ('sending') is left to the retention pass: the sender records its outcome against it.
    private const string PersonNudgeIds = "SELECT id FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND state <> 'sending'";

    /// <summary>The statement that deletes (or clears) each entry of <see cref="PersonDataKinds.All"/>, in its order.</summary>
    internal static IReadOnlyList<string> PersonSql { get; } =
    [
        $"""
        DELETE FROM nudge_feedback
        WHERE nudge_id IN ({PersonNudgeIds}) OR (user_id = @UserId AND nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId))
        """,
        $"DELETE FROM nudge_attempts WHERE nudge_id IN ({PersonNudgeIds})",
        $"DELETE FROM nudge_rules WHERE nudge_id IN ({PersonNudgeIds})",
        "DELETE FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND kind = 'home' AND state <> 'sending'",
        "DELETE FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND state <> 'sending'",
        "DELETE FROM findings WHERE team_id = @TeamId AND author_id = @UserId",
        "DELETE FROM pending_findings WHERE team_id = @TeamId AND author_id = @UserId",
        "DELETE FROM activity_people WHERE team_id = @TeamId AND author_id = @UserId",
        "DELETE FROM phrase_feedback WHERE team_id = @TeamId AND user_id = @UserId",
        "DELETE FROM person_settings WHERE team_id = @TeamId AND user_id = @UserId",
        "DELETE FROM digest_settings WHERE team_id = @TeamId AND lead_id = @UserId",
        "UPDATE team_norms SET updated_by = NULL WHERE team_id = @TeamId AND updated_by = @UserId",
        """
        UPDATE installations SET installer_user_id = NULL
        WHERE installer_user_id = @UserId
          AND (team_id = @TeamId OR team_id IN (SELECT enterprise_id FROM installation_teams WHERE team_id = @TeamId))
        """,
        // Dry-run's record of the calls it would have made for them (their id as a JSON string value).
        "DELETE FROM slack_api_calls WHERE team_id = @TeamId AND strpos(request_json, '\"' || @UserId || '\"') > 0",
    ];

    private const string WasOptedOutSql = "SELECT opted_out FROM person_settings WHERE team_id = @TeamId AND user_id = @UserId";

    private const string KeepOptOutSql = """
        INSERT INTO person_settings (team_id, user_id, opted_out, updated_at) VALUES (@TeamId, @UserId, true, @Now)
        """;

    public async Task<PersonForgotten> DeletePersonAsync(string teamId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = new List<int>(PersonSql.Count);
        await using var transaction = await PostgresTransaction.BeginAsync(database, cancellationToken);
        NpgsqlCommand Person(string sql) => transaction.Command(sql).With("TeamId", teamId).With("UserId", userId);

        bool optedOut;
        await using (var command = Person(WasOptedOutSql))
        {
            optedOut = await command.ExecuteScalarAsync(cancellationToken) is true;
        }

        foreach (var sql in PersonSql)
        {
            await using var command = Person(sql);
            counts.Add(await command.ExecuteNonQueryAsync(cancellationToken));
        }

        if (optedOut)
        {
            await using var command = Person(KeepOptOutSql).WithInstant("Now", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new PersonForgotten(counts, optedOut);
    }
}
