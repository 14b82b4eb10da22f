namespace AsyncCoach.Storage;

/// <summary>
/// The hourly activity counters the digest reads (<c>activity_counters</c>: per team, UTC hour and
/// channel kind, naming no one) and the short-lived who-wrote-when rows (<c>activity_people</c>)
/// that the privacy floor's distinct counts need. Written once per inbox round, inside its transaction.
/// </summary>
public interface IActivityStore
{
    /// <summary>
    /// Inside the caller's transaction: adds each delta to its (team, hour, kind) counter
    /// (creating it at zero first), and records each (team, hour, author) once (a second time is a
    /// no-op). Synchronous: it runs in every round while the write turn is held.
    /// </summary>
    void Add(IStorageTransaction transaction, IEnumerable<ActivityDelta> deltas, IEnumerable<(string TeamId, DateTimeOffset Hour, string AuthorId)> people);

    /// <summary>
    /// For the digest: the activity of each of <paramref name="weeks"/> (hour bounds, from
    /// included, to excluded; newest first) with its distinct authors and distinct authors of
    /// after-hours pings (findings of rule <c>after-hours-ping</c>), both counted up to
    /// <c>DigestInput.LargestMinGroup</c> (that many means that many or more); the activity of each slot
    /// between consecutive <paramref name="slotBounds"/> (slot i from bound i to bound i+1; slots
    /// without counters are absent); and how many distinct people <paramref name="leadId"/> reached
    /// outside their hours (recipients of their after-hours-ping findings) in each of <paramref name="leadWeeks"/>.
    /// </summary>
    Task<ActivityCounts> ReadAsync(
        string teamId,
        string leadId,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> weeks,
        IReadOnlyList<DateTimeOffset> slotBounds,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> leadWeeks,
        CancellationToken cancellationToken);
}

/// <summary>One (team, UTC hour, channel kind) counter's increments.</summary>
public sealed record ActivityDelta(string TeamId, DateTimeOffset Hour, string Kind, int Messages, int AfterHours);

/// <summary>A range's messages and after-hours messages, with their distinct authors.</summary>
public sealed record ActivityWeekCount(long Messages, long AfterHours, long People, long AfterHoursPeople);

/// <summary>One slot's messages and after-hours messages (slot 0 is Monday night), and the distinct authors of the latter.</summary>
public sealed record ActivitySlotCount(long Slot, long Messages, long AfterHours, long AfterHoursPeople);

/// <summary>What <see cref="IActivityStore.ReadAsync"/> found.</summary>
public sealed record ActivityCounts(IReadOnlyList<ActivityWeekCount> Weeks, IReadOnlyList<ActivitySlotCount> Slots, IReadOnlyList<long> LeadReached);
