using System.Text.Json.Nodes;
using Dapper;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Deleting data: all of a team's (after it left), all of one person's (<c>/async forget-me</c>,
/// <see cref="PersonDataKinds"/>), and whatever is older than the retention period. THE place that
/// knows which tables hold whose data: a new table with a team_id (or an age, or a person's id)
/// gets its DELETE added to the lists below, and every purge covers it.
/// </summary>
public sealed class TeamDataStore(SqliteDatabase database) : ITeamDataStore
{
    // Children first (nudge rows are referenced by id). @TeamId is a team (T…) or an org (E…). One
    // statement per table, so a purge can say how many rows of each went.
    private const string TeamFeedbackSql = "DELETE FROM nudge_feedback WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId)";
    private const string TeamAttemptsSql = "DELETE FROM nudge_attempts WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId)";
    private const string TeamNudgeRulesSql = "DELETE FROM nudge_rules WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId)";
    private const string TeamNudgesSql = "DELETE FROM nudges WHERE team_id = @TeamId";
    private const string TeamFindingsSql = "DELETE FROM findings WHERE team_id = @TeamId";
    private const string TeamPendingSql = "DELETE FROM pending_findings WHERE team_id = @TeamId";
    private const string TeamCountersSql = "DELETE FROM activity_counters WHERE team_id = @TeamId";
    private const string TeamActivitySql = "DELETE FROM activity_people WHERE team_id = @TeamId";
    private const string TeamFindingCountsSql = "DELETE FROM finding_counts WHERE team_id = @TeamId";
    private const string TeamNudgeCountsSql = "DELETE FROM nudge_counts WHERE team_id = @TeamId";
    private const string TeamSettingsSql = "DELETE FROM person_settings WHERE team_id = @TeamId";
    private const string TeamNormsSql = "DELETE FROM team_norms WHERE team_id = @TeamId";
    private const string TeamDigestSettingsSql = "DELETE FROM digest_settings WHERE team_id = @TeamId";
    private const string TeamPhraseFeedbackSql = "DELETE FROM phrase_feedback WHERE team_id = @TeamId";
    private const string TeamDryRunCallsSql = "DELETE FROM slack_api_calls WHERE team_id = @TeamId";
    private const string TeamInstallationTeamsSql = "DELETE FROM installation_teams WHERE team_id = @TeamId OR enterprise_id = @TeamId";
    private const string TeamInstallationSql = "DELETE FROM installations WHERE team_id = @TeamId";

    private static readonly (string Table, string Sql)[] TeamSql =
    [
        ("nudge_feedback", TeamFeedbackSql), ("nudge_attempts", TeamAttemptsSql), ("nudge_rules", TeamNudgeRulesSql),
        ("nudges", TeamNudgesSql), ("findings", TeamFindingsSql), ("pending_findings", TeamPendingSql),
        ("activity_counters", TeamCountersSql), ("activity_people", TeamActivitySql),
        ("finding_counts", TeamFindingCountsSql), ("nudge_counts", TeamNudgeCountsSql), ("person_settings", TeamSettingsSql),
        ("team_norms", TeamNormsSql), ("digest_settings", TeamDigestSettingsSql), ("phrase_feedback", TeamPhraseFeedbackSql),
        ("slack_api_calls", TeamDryRunCallsSql), ("installation_teams", TeamInstallationTeamsSql), ("installations", TeamInstallationSql),
    ];

    // An org-wide installation's workspaces keep their rows under their own ids (T…): they leave
    // with it, unless one has an installation of its own.
    private const string OrgWorkspacesSql = """
        SELECT team_id FROM installation_teams
        WHERE enterprise_id = @TeamId AND team_id NOT IN (SELECT team_id FROM installations)
        """;

    /// <summary>Deletes everything stored about <paramref name="teamId"/> (and, for an org, its workspaces), in one transaction; returns the rows deleted per table.</summary>
    public async Task<DeletedRows> DeleteTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        var deleted = new DeletedRows();
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var workspaces = (await write.Connection.QueryAsync<string>(OrgWorkspacesSql, new { TeamId = teamId }, write.Transaction)).AsList();
        foreach (var team in workspaces.Append(teamId))
        {
            foreach (var (table, sql) in TeamSql)
            {
                deleted.Add(table, await write.Connection.ExecuteAsync(sql, new { TeamId = team }, write.Transaction));
            }
        }

        database.NudgeCaps.Forget();
        await write.CommitAsync(cancellationToken);
        return deleted;
    }

    private const string EndPendingSql = """
        UPDATE nudges SET state = 'failed', end_reason = @Reason, content_json = NULL
        WHERE state = 'pending'
          AND (team_id = @TeamId OR team_id IN (SELECT team_id FROM installation_teams WHERE enterprise_id = @TeamId AND team_id NOT IN (SELECT team_id FROM installations)))
        """;

    /// <summary>Ends the team's (or the org's workspaces') pending outbox rows at once (it left); returns how many.</summary>
    public async Task<int> EndPendingAsync(string teamId, string reason, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var ended = await write.Connection.ExecuteAsync(EndPendingSql, new { TeamId = teamId, Reason = reason }, write.Transaction);
        database.NudgeCaps.Forget();
        await write.CommitAsync(cancellationToken);
        return ended;
    }

    // The default period, for every team that did not set its own retention_days norm (@OwnRetention:
    // a JSON array of those teams, which the per-team statements below cover). Children first.
    private const string OldOwnRetention = "team_id NOT IN (SELECT value FROM json_each(@OwnRetention))";
    private const string OldFeedbackSql = $"DELETE FROM nudge_feedback WHERE nudge_id IN (SELECT id FROM nudges WHERE created_at < @Before AND state NOT IN ('pending', 'sending') AND {OldOwnRetention})";
    private const string OldAttemptsSql = $"DELETE FROM nudge_attempts WHERE nudge_id IN (SELECT id FROM nudges WHERE created_at < @Before AND state NOT IN ('pending', 'sending') AND {OldOwnRetention})";
    private const string OldNudgeRulesSql = $"DELETE FROM nudge_rules WHERE nudge_id IN (SELECT id FROM nudges WHERE created_at < @Before AND state NOT IN ('pending', 'sending') AND {OldOwnRetention})";
    private const string OldNudgesSql = $"DELETE FROM nudges WHERE created_at < @Before AND state NOT IN ('pending', 'sending') AND {OldOwnRetention}";
    private const string OldFindingsSql = $"DELETE FROM findings WHERE created_at < @Before AND {OldOwnRetention}";
    private const string OldActivitySql = $"DELETE FROM activity_people WHERE hour < @Before AND {OldOwnRetention}";

    // The digest's findings and nudge counters go with what they count (same window, by their hour),
    // so a digest never shows more than a recount of the rows still kept would.
    private const string OldFindingCountsSql = $"DELETE FROM finding_counts WHERE hour < @Before AND {OldOwnRetention}";
    private const string OldNudgeCountsSql = $"DELETE FROM nudge_counts WHERE hour < @Before AND {OldOwnRetention}";
    private const string OldPhraseFeedbackSql = $"DELETE FROM phrase_feedback WHERE at < @Before AND {OldOwnRetention}";
    private const string OldDryRunCallsSql = "DELETE FROM slack_api_calls WHERE created_at < @DryRunBefore";
    private const string OldOAuthStatesSql = "DELETE FROM oauth_states WHERE expires_at < @Now";

    private static readonly (string Table, string Sql)[] OldSql =
    [
        ("nudge_feedback", OldFeedbackSql), ("nudge_attempts", OldAttemptsSql), ("nudge_rules", OldNudgeRulesSql),
        ("nudges", OldNudgesSql), ("findings", OldFindingsSql), ("activity_people", OldActivitySql),
        ("finding_counts", OldFindingCountsSql), ("nudge_counts", OldNudgeCountsSql),
        ("phrase_feedback", OldPhraseFeedbackSql), ("slack_api_calls", OldDryRunCallsSql), ("oauth_states", OldOAuthStatesSql),
    ];

    // A team's own retention_days norm: the same age deletes, for that team (@TeamId) and its @Before.
    private const string TeamOldNudgeIds = "SELECT id FROM nudges WHERE team_id = @TeamId AND created_at < @Before AND state NOT IN ('pending', 'sending')";
    private const string TeamOldFeedbackSql = $"DELETE FROM nudge_feedback WHERE nudge_id IN ({TeamOldNudgeIds})";
    private const string TeamOldAttemptsSql = $"DELETE FROM nudge_attempts WHERE nudge_id IN ({TeamOldNudgeIds})";
    private const string TeamOldNudgeRulesSql = $"DELETE FROM nudge_rules WHERE nudge_id IN ({TeamOldNudgeIds})";
    private const string TeamOldNudgesSql = "DELETE FROM nudges WHERE team_id = @TeamId AND created_at < @Before AND state NOT IN ('pending', 'sending')";
    private const string TeamOldFindingsSql = "DELETE FROM findings WHERE team_id = @TeamId AND created_at < @Before";
    private const string TeamOldActivitySql = "DELETE FROM activity_people WHERE team_id = @TeamId AND hour < @Before";
    private const string TeamOldFindingCountsSql = "DELETE FROM finding_counts WHERE team_id = @TeamId AND hour < @Before";
    private const string TeamOldNudgeCountsSql = "DELETE FROM nudge_counts WHERE team_id = @TeamId AND hour < @Before";
    private const string TeamOldPhraseFeedbackSql = "DELETE FROM phrase_feedback WHERE team_id = @TeamId AND at < @Before";

    private static readonly (string Table, string Sql)[] TeamOldSql =
    [
        ("nudge_feedback", TeamOldFeedbackSql), ("nudge_attempts", TeamOldAttemptsSql), ("nudge_rules", TeamOldNudgeRulesSql),
        ("nudges", TeamOldNudgesSql), ("findings", TeamOldFindingsSql), ("activity_people", TeamOldActivitySql),
        ("finding_counts", TeamOldFindingCountsSql), ("nudge_counts", TeamOldNudgeCountsSql),
        ("phrase_feedback", TeamOldPhraseFeedbackSql),
    ];

    /// <summary>
    /// Deletes findings, nudge history, attempts and feedback from before <paramref name="before"/>
    /// (from before its own date for each team in <paramref name="teamsBefore"/>, the teams with a
    /// retention_days norm), dry-run calls from before <paramref name="dryRunBefore"/>, and used
    /// install states that expired. One transaction; returns the rows deleted per table.
    /// </summary>
    public async Task<DeletedRows> DeleteOldAsync(
        DateTimeOffset before, IReadOnlyDictionary<string, DateTimeOffset> teamsBefore, DateTimeOffset dryRunBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = new DeletedRows();
        var ownRetention = new JsonArray([.. teamsBefore.Keys.Select(t => (JsonNode?)JsonValue.Create(t))]).ToJsonString();
        await using var write = await database.BeginWriteAsync(cancellationToken);
        foreach (var (table, sql) in OldSql)
        {
            deleted.Add(table, await write.Connection.ExecuteAsync(sql, new { Before = before, DryRunBefore = dryRunBefore, Now = now, OwnRetention = ownRetention }, write.Transaction));
        }

        foreach (var (team, teamBefore) in teamsBefore)
        {
            foreach (var (table, sql) in TeamOldSql)
            {
                deleted.Add(table, await write.Connection.ExecuteAsync(sql, new { TeamId = team, Before = teamBefore }, write.Transaction));
            }
        }

        database.NudgeCaps.Forget();
        await write.CommitAsync(cancellationToken);
        return deleted;
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
    // Per person (/async forget-me): @TeamId is the workspace they asked from, @UserId the person.
    // Children before the nudge rows they reference. A row being sent at this very moment
    // ('sending') is left to the retention pass: the sender records its outcome against it.
    private const string PersonFeedbackSql = """
        DELETE FROM nudge_feedback
        WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND state <> 'sending')
           OR (user_id = @UserId AND nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId))
        """;

    private const string PersonAttemptsSql = """
        DELETE FROM nudge_attempts WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND state <> 'sending')
        """;

    private const string PersonNudgeRulesSql = """
        DELETE FROM nudge_rules WHERE nudge_id IN (SELECT id FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND state <> 'sending')
        """;

    // Outbox rows of kind 'home' (their Home tab's publishes); author_id is the recipient for every kind.
    private const string PersonHomeSql = "DELETE FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND kind = 'home' AND state <> 'sending'";

    private const string PersonNudgesSql = "DELETE FROM nudges WHERE team_id = @TeamId AND author_id = @UserId AND state <> 'sending'";

    private const string PersonFindingsSql = "DELETE FROM findings WHERE team_id = @TeamId AND author_id = @UserId";


    private const string PersonPendingSql = "DELETE FROM pending_findings WHERE team_id = @TeamId AND author_id = @UserId";

    private const string PersonActivitySql = "DELETE FROM activity_people WHERE team_id = @TeamId AND author_id = @UserId";

    private const string PersonPhraseFeedbackSql = "DELETE FROM phrase_feedback WHERE team_id = @TeamId AND user_id = @UserId";

    private const string PersonSettingsSql = "DELETE FROM person_settings WHERE team_id = @TeamId AND user_id = @UserId";

    private const string PersonDigestSettingsSql = "DELETE FROM digest_settings WHERE team_id = @TeamId AND lead_id = @UserId";

    private const string PersonNormsEditorSql = "UPDATE team_norms SET updated_by = NULL WHERE team_id = @TeamId AND updated_by = @UserId";

    // The workspace's own installation, or its organisation's (an org-wide install).
    private const string PersonInstallerSql = """
        UPDATE installations SET installer_user_id = NULL
        WHERE installer_user_id = @UserId
          AND (team_id = @TeamId OR team_id IN (SELECT enterprise_id FROM installation_teams WHERE team_id = @TeamId))
        """;

    // Dry-run's record of the calls it would have made for them (their id as a JSON string value).
    private const string PersonDryRunCallsSql = """
        DELETE FROM slack_api_calls WHERE team_id = @TeamId AND instr(request_json, '"' || @UserId || '"') > 0
        """;

    /// <summary>
    /// The statement that deletes each entry of <see cref="PersonDataKinds.All"/>, in its order
    /// (a test checks each names its entry's table).
    /// </summary>
    internal static IReadOnlyList<string> PersonSql { get; } =
    [
        PersonFeedbackSql, PersonAttemptsSql, PersonNudgeRulesSql, PersonHomeSql, PersonNudgesSql, PersonFindingsSql, PersonPendingSql,
        PersonActivitySql, PersonPhraseFeedbackSql, PersonSettingsSql, PersonDigestSettingsSql, PersonNormsEditorSql, PersonInstallerSql,
        PersonDryRunCallsSql,
    ];

    private const string WasOptedOutSql = "SELECT opted_out FROM person_settings WHERE team_id = @TeamId AND user_id = @UserId";

    private const string KeepOptOutSql = """
        INSERT INTO person_settings (team_id, user_id, opted_out, updated_at) VALUES (@TeamId, @UserId, 1, @Now)
        """;

    /// <summary>
    /// Deletes everything stored about <paramref name="userId"/> in <paramref name="teamId"/>, in one
    /// transaction, and returns how many rows of each <see cref="PersonDataKinds.All"/> entry went. A person
    /// who had opted out stays opted out (a settings row with only that flag): forgetting them must
    /// not start coaching them again.
    /// </summary>
    public async Task<PersonForgotten> DeletePersonAsync(string teamId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = new List<int>(PersonSql.Count);
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var parameters = new { TeamId = teamId, UserId = userId };
        var optedOut = await write.Connection.ExecuteScalarAsync<long?>(WasOptedOutSql, parameters, write.Transaction) is > 0;
        foreach (var sql in PersonSql)
        {
            counts.Add(await write.Connection.ExecuteAsync(sql, parameters, write.Transaction));
        }

        if (optedOut)
        {
            await write.Connection.ExecuteAsync(KeepOptOutSql, new { TeamId = teamId, UserId = userId, Now = now }, write.Transaction);
        }

        database.NudgeCaps.Forget();
        await write.CommitAsync(cancellationToken);
        return new PersonForgotten(counts, optedOut);
    }
}
