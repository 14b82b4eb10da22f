namespace AsyncCoach.Storage;

/// <summary>The leads' digest settings (one per team and lead), and which teams have leads.</summary>
public interface IDigestSettingsStore
{
    /// <summary>The lead's stored setting, or null when they never had one.</summary>
    Task<DigestSetting?> GetAsync(string teamId, string leadId, CancellationToken cancellationToken);

    /// <summary>Every stored setting of the team, by lead.</summary>
    Task<IReadOnlyDictionary<string, DigestSetting>> ForTeamAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the setting, own transaction. A first save records <see cref="DigestSetting.Since"/>;
    /// a later one keeps the stored <see cref="DigestSetting.Since"/> and replaces the rest.
    /// </summary>
    Task SaveAsync(DigestSetting setting, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the scheduler knows these leads: each lead without a row gets the default
    /// setting with <see cref="DigestSetting.Since"/> = <paramref name="now"/>; existing rows are
    /// kept as they are. One transaction.
    /// </summary>
    Task TouchAsync(string teamId, IReadOnlyList<string> leadIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Teams whose stored norms name at least one lead (a non-empty <c>leads</c> array).</summary>
    Task<IReadOnlyList<string>> TeamsWithLeadsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A lead's digest setting: on or off, the local weekday (ISO, 1 = Monday) and time, and the
/// channels it covers (null: the whole workspace). <see cref="Since"/> is when the scheduler or
/// the lead first touched it: no digest is sent for a slot before it.
/// </summary>
public sealed record DigestSetting(
    string TeamId, string LeadId, bool Enabled, int Weekday, TimeOnly LocalTime, IReadOnlyList<string>? Channels, DateTimeOffset Since)
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    public static DigestSetting Default(string teamId, string leadId, DateTimeOffset since) =>
        new(teamId, leadId, Enabled: true, Weekday: 1, DefaultTime, Channels: null, since);
}
