using Dapper;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>SQL for <c>digest_settings</c> (migration 0008).</summary>
public sealed class DigestSettingsStore(SqliteDatabase database) : IDigestSettingsStore
{
    private const string GetSql = """
        SELECT team_id AS TeamId, lead_id AS LeadId, enabled AS Enabled, weekday AS Weekday, local_time AS LocalTime,
               channels_json AS ChannelsJson, since AS Since
        FROM digest_settings WHERE team_id = @TeamId AND lead_id = @LeadId
        """;

    /// <summary>The lead's stored setting, or null when they never had one.</summary>
    public async Task<DigestSetting?> GetAsync(string teamId, string leadId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(GetSql, new { TeamId = teamId, LeadId = leadId });
        return row?.ToSetting();
    }

    private const string ForTeamSql = """
        SELECT team_id AS TeamId, lead_id AS LeadId, enabled AS Enabled, weekday AS Weekday, local_time AS LocalTime,
               channels_json AS ChannelsJson, since AS Since
        FROM digest_settings WHERE team_id = @TeamId
        """;

    /// <summary>Every stored setting of the team, by lead.</summary>
    public async Task<IReadOnlyDictionary<string, DigestSetting>> ForTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(ForTeamSql, new { TeamId = teamId });
        return rows.ToDictionary(r => r.LeadId, r => r.ToSetting(), StringComparer.Ordinal);
    }

    private const string SaveSql = """
        INSERT INTO digest_settings (team_id, lead_id, enabled, weekday, local_time, channels_json, since, updated_at)
        VALUES (@TeamId, @LeadId, @Enabled, @Weekday, @LocalTime, @ChannelsJson, @Since, @Now)
        ON CONFLICT (team_id, lead_id) DO UPDATE SET enabled = excluded.enabled, weekday = excluded.weekday,
            local_time = excluded.local_time, channels_json = excluded.channels_json, updated_at = excluded.updated_at
        """;

    /// <summary>Stores the setting (a first save also records <see cref="DigestSetting.Since"/>).</summary>
    public async Task SaveAsync(DigestSetting setting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(SaveSql, new SaveParameters(
            setting.TeamId, setting.LeadId, setting.Enabled ? 1 : 0, setting.Weekday, setting.LocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            setting.Channels is null ? null : System.Text.Json.JsonSerializer.Serialize(setting.Channels, StorageJsonContext.Default.IReadOnlyListString),
            setting.Since, now), write.Transaction);
        await write.CommitAsync(cancellationToken);
    }

    private const string TouchSql = """
        INSERT INTO digest_settings (team_id, lead_id, since, updated_at) VALUES (@TeamId, @LeadId, @Now, @Now)
        ON CONFLICT (team_id, lead_id) DO NOTHING
        """;

    /// <summary>Records that the scheduler knows these leads (from now on), keeping existing rows.</summary>
    public async Task TouchAsync(string teamId, IReadOnlyList<string> leadIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        foreach (var lead in leadIds)
        {
            await write.Connection.ExecuteAsync(TouchSql, new { TeamId = teamId, LeadId = lead, Now = now }, write.Transaction);
        }

        await write.CommitAsync(cancellationToken);
    }

    private const string TeamsWithLeadsSql = """
        SELECT team_id FROM team_norms WHERE json_type(norms_json, '$.leads') = 'array' AND json_array_length(norms_json, '$.leads') > 0
        """;

    /// <summary>Teams whose norms name at least one lead.</summary>
    public async Task<IReadOnlyList<string>> TeamsWithLeadsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(TeamsWithLeadsSql)).AsList();
    }

    /// <summary>The parameters of <see cref="SaveSql"/>.</summary>
    internal sealed record SaveParameters(
        string TeamId, string LeadId, int Enabled, int Weekday, string LocalTime, string? ChannelsJson, DateTimeOffset Since, DateTimeOffset Now);

    /// <summary>The columns <see cref="GetSql"/> reads.</summary>
    internal sealed record Row(string TeamId, string LeadId, long Enabled, long Weekday, string LocalTime, string? ChannelsJson, DateTimeOffset Since)
    {
        public DigestSetting ToSetting() => new(
            TeamId, LeadId, Enabled != 0, (int)Weekday,
            TimeOnly.ParseExact(LocalTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ChannelsJson is null ? null : System.Text.Json.JsonSerializer.Deserialize(ChannelsJson, StorageJsonContext.Default.IReadOnlyListString),
            Since);
    }
}
