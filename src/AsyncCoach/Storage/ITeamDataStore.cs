namespace AsyncCoach.Storage;

/// <summary>
/// Deleting data: all of a team's (after it left), all of one person's (<c>/async forget-me</c>,
/// <see cref="PersonDataKinds"/>), and whatever is older than the retention period. The one
/// place that knows which tables hold whose data: a provider's implementation must cover every
/// table it has with a team id, a person's id or an age.
/// </summary>
public interface ITeamDataStore
{
    /// <summary>
    /// Deletes everything stored about <paramref name="teamId"/>, in one transaction; for an org id
    /// (<c>E…</c>) also the data of the org's workspaces that have no installation of their own.
    /// Returns the rows deleted per table.
    /// </summary>
    Task<DeletedRows> DeleteTeamAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the team's (or the org's workspaces without an installation of their own) <c>pending</c>
    /// outbox rows at once as <c>failed</c> with <paramref name="reason"/>, payload cleared; rows
    /// being sent are left to finish. Returns how many.
    /// </summary>
    Task<int> EndPendingAsync(string teamId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// One transaction: deletes findings, ended outbox rows with their rules, attempts and
    /// feedback, activity people and phrase feedback created before <paramref name="before"/>, or
    /// for each team in <paramref name="teamsBefore"/> (those with a <c>retention_days</c> norm)
    /// before its own instant instead; dry-run calls recorded before <paramref name="dryRunBefore"/>;
    /// and used install states expired by <paramref name="now"/>. Pending and sending outbox rows
    /// are never deleted. Returns the rows deleted per table.
    /// </summary>
    Task<DeletedRows> DeleteOldAsync(
        DateTimeOffset before, IReadOnlyDictionary<string, DateTimeOffset> teamsBefore, DateTimeOffset dryRunBefore, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes hourly activity counters (which name nobody) of hours wholly before <paramref name="before"/> (starting an hour or more before it); returns how many.</summary>
    Task<int> DeleteOldCountersAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Teams that left at or before <paramref name="before"/> and have not come back.</summary>
    Task<IReadOnlyList<string>> TeamsLeftBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes everything stored about <paramref name="userId"/> in <paramref name="teamId"/>, in
    /// one transaction, and returns how many rows of each <see cref="PersonDataKinds.All"/> entry
    /// went, in its order. Outbox rows being sent at this moment are left to the retention pass.
    /// A person who had opted out stays opted out (a settings row with only that flag):
    /// forgetting them must not start coaching them again.
    /// </summary>
    Task<PersonForgotten> DeletePersonAsync(string teamId, string userId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>One kind of a person's data: its plain-words <see cref="Label"/>, its table, and the column that names the person (null: reached through its outbox row).</summary>
public sealed record PersonDataKind(string Label, string Table, string? PersonColumn);

/// <summary>What forget-me deleted: a count per <see cref="PersonDataKinds.All"/> entry, in its order; whether the person stays opted out.</summary>
public sealed record PersonForgotten(IReadOnlyList<int> Counts, bool StillOptedOut)
{
    public int Total => Counts.Sum();
}
