namespace AsyncCoach.Storage;

/// <summary>
/// Which conversations this instance processes, where several instances share one database
/// (PostgreSQL: the partitions it leases). Not registered where one process owns the database
/// (SQLite): that process processes every conversation.
/// </summary>
/// <remarks>
/// Only the inbox processor's loop calls it, between rounds, never while one is in flight: so a
/// conversation is given back only after the round that touched it ended, and the tracker never
/// holds the state of a conversation this instance no longer processes.
/// </remarks>
public interface IConversationOwnership
{
    /// <summary>
    /// Takes up what the instance was granted since the last call and gives back what it must;
    /// returns the change. Until the next call, rounds process only the conversations it left held.
    /// </summary>
    Task<OwnershipChange> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The fence, first in a round's transaction: true when this instance still holds every
    /// conversation it held at the last <see cref="RefreshAsync"/>, and then keeps them from being
    /// taken over until <paramref name="transaction"/> ends. False: the caller must roll back (another
    /// instance took some over and may have processed them since).
    /// </summary>
    Task<bool> HoldsAllAsync(IStorageTransaction transaction, CancellationToken cancellationToken);
}

/// <summary>What a <see cref="IConversationOwnership.RefreshAsync"/> changed: conversations gained and lost.</summary>
public sealed class OwnershipChange(IReadOnlySet<int> gained, IReadOnlySet<int> lost, Func<string, string?, int> groupOf)
{
    public static readonly OwnershipChange None = new(new HashSet<int>(), new HashSet<int>(), static (_, _) => 0);

    public bool IsEmpty => gained.Count == 0 && lost.Count == 0;

    /// <summary>Whether the conversation was taken up by this refresh (its stored state must be restored before its events).</summary>
    public bool Gained(string teamId, string? channelId) => gained.Count > 0 && gained.Contains(groupOf(teamId, channelId));

    /// <summary>Whether the conversation was given back or lost by this refresh (its state here must be dropped).</summary>
    public bool Lost(string teamId, string? channelId) => lost.Count > 0 && lost.Contains(groupOf(teamId, channelId));
}
