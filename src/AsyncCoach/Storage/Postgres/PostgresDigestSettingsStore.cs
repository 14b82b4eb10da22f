using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>The leads' digest settings (<c>digest_settings</c>) on PostgreSQL.</summary>
public sealed class PostgresDigestSettingsStore(PostgresDatabase database) : IDigestSettingsStore
{
    private const string GetSql = """
        SELECT team_id, lead_id, enabled, weekday, local_time, channels_json, since
        FROM digest_settings WHERE team_id = @TeamId AND lead_id = @LeadId
        """;

    public async Task<DigestSetting?> GetAsync(string teamId, string leadId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, GetSql).With("TeamId", teamId).With("LeadId", leadId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private const string ForTeamSql = """
        SELECT team_id, lead_id, enabled, weekday, local_time, channels_json, since
        FROM digest_settings WHERE team_id = @TeamId
        """;

    public async Task<IReadOnlyDictionary<string, DigestSetting>> ForTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, ForTeamSql).With("TeamId", teamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var settings = new Dictionary<string, DigestSetting>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var setting = Read(reader);
            settings[setting.LeadId] = setting;
        }

        return settings;
    }

    private const string SaveSql = """
        INSERT INTO digest_settings (team_id, lead_id, enabled, weekday, local_time, channels_json, since, updated_at)
        VALUES (@TeamId, @LeadId, @Enabled, @Weekday, @LocalTime, @ChannelsJson, @Since, @Now)
        ON CONFLICT (team_id, lead_id) DO UPDATE SET enabled = excluded.enabled, weekday = excluded.weekday,
            local_time = excluded.local_time, channels_json = excluded.channels_json, updated_at = excluded.updated_at
        """;

    public async Task SaveAsync(DigestSetting setting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, SaveSql)
            .With("TeamId", setting.TeamId).With("LeadId", setting.LeadId).With("Enabled", setting.Enabled)
            .With("Weekday", (short)setting.Weekday).With("LocalTime", setting.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture))
            .WithText("ChannelsJson", setting.Channels is null ? null : JsonSerializer.Serialize(setting.Channels, StorageJsonContext.Default.IReadOnlyListString))
            .WithInstant("Since", setting.Since).WithInstant("Now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string TouchSql = """
        INSERT INTO digest_settings (team_id, lead_id, since, updated_at)
        SELECT @TeamId, lead_id, @Now, @Now FROM unnest(@LeadIds) AS lead_id
        ON CONFLICT (team_id, lead_id) DO NOTHING
        """;

    /// <summary>One statement for every lead, so it is one transaction.</summary>
    public async Task TouchAsync(string teamId, IReadOnlyList<string> leadIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (leadIds.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, TouchSql)
            .With("TeamId", teamId).With("LeadIds", leadIds.Distinct(StringComparer.Ordinal).ToArray()).WithInstant("Now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // norms_json is text (the keys as the team set them); a value that is not JSON was refused when set.
    private const string TeamsWithLeadsSql = """
        SELECT team_id FROM team_norms
        WHERE jsonb_typeof(norms_json::jsonb -> 'leads') = 'array' AND jsonb_array_length(norms_json::jsonb -> 'leads') > 0
        ORDER BY team_id
        """;

    public async Task<IReadOnlyList<string>> TeamsWithLeadsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.Command(connection, TeamsWithLeadsSql).ReadStringsAsync(cancellationToken);
    }

    private static DigestSetting Read(NpgsqlDataReader reader)
    {
        var channels = reader.TextOrNull(5);
        return new DigestSetting(
            reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetInt16(3),
            TimeOnly.ParseExact(reader.GetString(4), "HH:mm", CultureInfo.InvariantCulture),
            channels is null ? null : JsonSerializer.Deserialize(channels, StorageJsonContext.Default.IReadOnlyListString),
            reader.Instant(6));
    }
}
