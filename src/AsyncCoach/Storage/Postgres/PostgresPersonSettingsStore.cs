using AsyncCoach.Caching;
using AsyncCoach.Norms;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// person_settings on PostgreSQL, with a read-through cache (at most
/// <see cref="CacheOptions.MaxPersonSettings"/> people) whose entries live
/// <see cref="CacheLifetime"/>: another instance's change is seen here once its notice arrives
/// (<see cref="PostgresCacheListener"/>), and within that bound in any case; this instance's own at once.
/// </summary>
public sealed class PostgresPersonSettingsStore(PostgresDatabase database, TimeProvider time, IOptions<CacheOptions>? caches = null)
    : IPersonSettingsStore, IClearableCache, IDisposable
{
    /// <summary>How long a cached person (or a cached absence) is trusted: the staleness bound across instances.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private readonly PersonSettingsCache _cache = new((caches?.Value ?? new()).MaxPersonSettings, CacheLifetime, time);

    private const string GetManySql = """
        SELECT user_id, hours, time_zone, snooze_until, opted_out
        FROM person_settings
        WHERE team_id = @TeamId AND user_id = ANY (@UserIds)
        """;

    public Task<IReadOnlyDictionary<string, PersonSettings>> GetManyAsync(string teamId, IReadOnlyList<string> userIds, CancellationToken cancellationToken) =>
        _cache.GetManyAsync(teamId, userIds, LoadAsync, cancellationToken);

    public Task<PersonSettings> GetAsync(string teamId, string userId, CancellationToken cancellationToken) =>
        _cache.GetAsync(teamId, userId, LoadAsync, cancellationToken);

    private async Task<IReadOnlyDictionary<string, PersonSettings>> LoadAsync(string teamId, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var loaded = new Dictionary<string, PersonSettings>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Pg.Command(connection, GetManySql).With("TeamId", teamId).With("UserIds", userIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hours = reader.TextOrNull(1);
            loaded[reader.GetString(0)] = new PersonSettings(
                reader.GetString(0), hours is null ? null : NormsJson.ParseWorkingHours(hours), reader.TextOrNull(2),
                reader.IsDBNull(3) ? null : reader.Instant(3), reader.GetBoolean(4));
        }

        return loaded;
    }

    public void Forget(string teamId, string userId) => _cache.Forget(teamId, userId);

    public void ClearCache() => _cache.Clear();

    public void Dispose() => _cache.Dispose();

    private const string UpsertSql = """
        INSERT INTO person_settings (team_id, user_id, hours, time_zone, snooze_until, opted_out, updated_at)
        VALUES (@TeamId, @UserId, @Hours, @TimeZone, @SnoozeUntil, @OptedOut, @Now)
        ON CONFLICT (team_id, user_id) DO UPDATE SET
            hours = excluded.hours, time_zone = excluded.time_zone, snooze_until = excluded.snooze_until,
            opted_out = excluded.opted_out, updated_at = excluded.updated_at
        """;

    public async Task SaveAsync(string teamId, PersonSettings settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = Pg.Command(connection, UpsertSql)
            .With("TeamId", teamId).With("UserId", settings.UserId)
            .WithText("Hours", settings.Hours is null ? null : WorkingHoursText.Format(settings.Hours))
            .WithText("TimeZone", settings.TimeZone).WithInstant("SnoozeUntil", settings.SnoozeUntil)
            .With("OptedOut", settings.OptedOut).WithInstant("Now", now))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _cache.Saved(teamId, settings);
    }
}
