using AsyncCoach.Caching;
using AsyncCoach.Norms;
using Dapper;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// SQL for person_settings, with a read-through cache: every message needs the settings of the
/// people it reaches, and they change only through this store (one SQLite file, one process).
/// Bounded by <see cref="CacheOptions.MaxPersonSettings"/> and <see cref="CacheOptions.MaxAge"/>:
/// whoever was let go is read again.
/// </summary>
public sealed class PersonSettingsStore(SqliteDatabase database, TimeProvider time, IOptions<CacheOptions>? caches = null) : IPersonSettingsStore, IDisposable
{
    private readonly PersonSettingsCache _cache = new(
        (caches?.Value ?? new()).MaxPersonSettings, (caches?.Value ?? new()).MaxAge, time);

    /// <summary>People's settings held in memory now.</summary>
    public int CachedCount => _cache.Count;

    private const string GetManySql = """
        SELECT user_id AS UserId, hours AS Hours, time_zone AS TimeZone, snooze_until AS SnoozeUntil, opted_out AS OptedOut
        FROM person_settings
        WHERE team_id = @TeamId AND user_id IN @UserIds
        """;

    public Task<IReadOnlyDictionary<string, PersonSettings>> GetManyAsync(string teamId, IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
        _cache.GetManyAsync(teamId, userIds, LoadAsync, cancellationToken);

    public Task<PersonSettings> GetAsync(string teamId, string userId, CancellationToken cancellationToken) =>
        _cache.GetAsync(teamId, userId, LoadAsync, cancellationToken);

    private async Task<IReadOnlyDictionary<string, PersonSettings>> LoadAsync(string teamId, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(GetManySql, new { TeamId = teamId, UserIds = userIds });
        return rows.ToDictionary(r => r.UserId, r => r.ToSettings(), StringComparer.Ordinal);
    }

    /// <summary>Drops a person's cached settings (their rows were deleted elsewhere, by forget-me).</summary>
    public void Forget(string teamId, string userId) => _cache.Forget(teamId, userId);

    private const string UpsertSql = """
        INSERT INTO person_settings (team_id, user_id, hours, time_zone, snooze_until, opted_out, updated_at)
        VALUES (@TeamId, @UserId, @Hours, @TimeZone, @SnoozeUntil, @OptedOut, @Now)
        ON CONFLICT (team_id, user_id) DO UPDATE SET
            hours = excluded.hours, time_zone = excluded.time_zone, snooze_until = excluded.snooze_until,
            opted_out = excluded.opted_out, updated_at = excluded.updated_at
        """;

    public async Task SaveAsync(string teamId, PersonSettings settings, CancellationToken cancellationToken)
    {
        await using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            await write.Connection.ExecuteAsync(UpsertSql, new
            {
                TeamId = teamId,
                settings.UserId,
                Hours = settings.Hours is null ? null : WorkingHoursText.Format(settings.Hours),
                settings.TimeZone,
                settings.SnoozeUntil,
                OptedOut = settings.OptedOut ? 1 : 0,
                Now = time.GetUtcNow(),
            }, write.Transaction);
            await write.CommitAsync(cancellationToken);
        }

        _cache.Saved(teamId, settings);
    }

    public void Dispose() => _cache.Dispose();

    internal sealed record Row(string UserId, string? Hours, string? TimeZone, DateTimeOffset? SnoozeUntil, long OptedOut)
    {
        public PersonSettings ToSettings() =>
            new(UserId, Hours is null ? null : NormsJson.ParseWorkingHours(Hours), TimeZone, SnoozeUntil, OptedOut != 0);
    }
}
