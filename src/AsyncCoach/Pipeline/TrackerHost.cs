using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;
using AsyncCoach.Inbox;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// The process's one <see cref="ConversationTracker"/>. The tracker is not thread-safe; the inbox
/// processor and the idle clock both reach it, so every call goes through one lock. The tracker
/// and its rule engine are built on first use, on the processor's thread, rather than while the
/// host resolves its hosted services (which held start-up back by 15-50 ms).
/// Its pending findings are durable: each round writes the tracker's changes to them
/// (<see cref="DrainPendingChanges"/>), and <see cref="EnsureRestoredAsync"/> puts them back after
/// a restart before the first message or tick.
/// Where instances divide the conversations (<see cref="IConversationOwnership"/>, PostgreSQL) the
/// tracker holds only this instance's: before each claim (<see cref="PrepareAsync"/>) it drops the
/// conversations given back or lost and restores the stored pending findings of those taken up,
/// every time (a conversation lost and taken up again is restored again).
/// </summary>
public sealed class TrackerHost(IPendingFindingStore store, IEnumerable<IConversationOwnership> ownerships) : IInboxRoundPreparer, IInboxHoldBack
{
    private readonly Lock _gate = new();
    private readonly IConversationOwnership? _ownership = ownerships.SingleOrDefault();
    private ConversationTracker? _tracker;
    private volatile bool _restored;

    /// <summary>Where conversations are divided: takes up and drops conversations as this instance's share changed (the processor calls it between rounds).</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_ownership is null)
        {
            return;
        }

        var change = await _ownership.RefreshAsync(cancellationToken);
        if (change.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            _tracker?.Forget((team, channel) => change.Lost(team.Value, channel.Value));
        }

        var stored = await store.AllAsync(cancellationToken);
        lock (_gate)
        {
            foreach (var (finding, due) in stored.Where(s => change.Gained(s.Finding.Team.Value, s.Finding.Channel.Value)))
            {
                Tracker.Restore(finding, due);
            }
        }
    }

    /// <summary>Once per process, before anything else reaches the tracker: the pending findings stored when it last stopped (every conversation's, unless they are divided among instances).</summary>
    public async ValueTask EnsureRestoredAsync(CancellationToken cancellationToken)
    {
        // Divided among instances, PrepareAsync restores what this instance takes up.
        if (_restored || _ownership is not null)
        {
            return;
        }

        var stored = await store.AllAsync(cancellationToken);
        lock (_gate)
        {
            if (_restored)
            {
                return;
            }

            foreach (var (finding, due) in stored)
            {
                Tracker.Restore(finding, due);
            }

            _restored = true;
        }
    }

    /// <summary>The pending findings begun and ended since the last call, for the round's transaction.</summary>
    public IReadOnlyList<PendingChange> DrainPendingChanges()
    {
        lock (_gate)
        {
            return _tracker?.DrainPendingChanges() ?? [];
        }
    }

    public IReadOnlyList<Finding> Observe(ChatMessage message, MessageContext context)
    {
        lock (_gate)
        {
            return Tracker.Observe(message, context);
        }
    }

    public IReadOnlyList<Finding> ObserveEdit(ChatMessage edited, MessageContext context)
    {
        lock (_gate)
        {
            return Tracker.ObserveEdit(edited, context);
        }
    }

    /// <summary>Drops the pending findings of a person who asked to be forgotten; returns how many.</summary>
    public int ForgetAuthor(TeamId team, UserId author)
    {
        lock (_gate)
        {
            return _tracker?.ForgetAuthor(team, author) ?? 0;
        }
    }

    public bool Retract(TeamId team, ChannelId channel, MessageTs ts)
    {
        lock (_gate)
        {
            return Tracker.Retract(team, channel, ts);
        }
    }

    public void ClearHolds()
    {
        lock (_gate)
        {
            _tracker?.ClearHolds();
        }
    }

    public void HoldBack(string teamId, string channelId)
    {
        lock (_gate)
        {
            Tracker.HoldBack(new TeamId(teamId), new ChannelId(channelId));
        }
    }

    public IReadOnlyList<Finding> AdvanceTo(DateTimeOffset eventTime)
    {
        lock (_gate)
        {
            return Tracker.AdvanceTo(eventTime);
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _tracker?.PendingCount ?? 0;
            }
        }
    }

    // Only under the lock.
    private ConversationTracker Tracker => _tracker ??= new ConversationTracker(RuleEngine.CreateDefault()) { JournalsPending = true };
}
