using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Storage;

/// <summary>
/// The findings the tracker holds back for their grace window (a bare greeting waiting for its
/// follow-up), one row per (team, channel, message ts, rule): ids, times and matched phrases,
/// never message text. Kept in step with the tracker inside each processing round's transaction,
/// and read back once after a restart, so a restart does not lose a pending nudge.
/// </summary>
public interface IPendingFindingStore
{
    /// <summary>
    /// Applies the tracker's changes in their order, inside the caller's transaction: a change with
    /// a due time adds the finding or replaces the stored one with the same key; a change without
    /// one deletes it (a no-op when it is not stored).
    /// </summary>
    Task WriteAsync(IStorageTransaction transaction, IReadOnlyList<PendingChange> changes, CancellationToken cancellationToken);

    /// <summary>Every stored pending finding with its due time, the earliest due first.</summary>
    Task<IReadOnlyList<(Finding Finding, DateTimeOffset Due)>> AllAsync(CancellationToken cancellationToken);
}
