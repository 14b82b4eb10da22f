using AsyncCoach.Core.Norms;

namespace AsyncCoach.Storage;

/// <summary>
/// What each person set for themselves (per team and user): working hours, time zone, snooze,
/// opt-out. Every message needs the settings of the people it reaches, so implementations cache
/// them (absent ones too); a <see cref="SaveAsync"/> is seen by the next read (with several
/// instances, within a bound the provider documents).
/// </summary>
public interface IPersonSettingsStore
{
    /// <summary>The stored settings of those of <paramref name="userIds"/> who have any, by user id; people without settings are absent.</summary>
    Task<IReadOnlyDictionary<string, PersonSettings>> GetManyAsync(string teamId, IReadOnlyList<string> userIds, CancellationToken cancellationToken);

    /// <summary>The person's settings; nothing set (no hours, no zone, no snooze, not opted out) when they have none.</summary>
    Task<PersonSettings> GetAsync(string teamId, string userId, CancellationToken cancellationToken);

    /// <summary>Drops a person's cached settings (their rows were deleted elsewhere, by forget-me or a purge).</summary>
    void Forget(string teamId, string userId);

    /// <summary>Stores the person's settings, replacing all of them, in a transaction of its own.</summary>
    Task SaveAsync(string teamId, PersonSettings settings, CancellationToken cancellationToken);
}

/// <summary>What a person set for themselves: working hours, time zone, snooze, opt-out.</summary>
public sealed record PersonSettings(string UserId, WorkingHours? Hours, string? TimeZone, DateTimeOffset? SnoozeUntil, bool OptedOut);
