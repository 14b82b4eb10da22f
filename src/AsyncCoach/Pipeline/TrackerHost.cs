using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Pipeline;

/// <summary>
/// The process's one <see cref="ConversationTracker"/>. The tracker is not thread-safe; the inbox
/// processor and the idle clock both reach it, so every call goes through one lock. The tracker
/// and its rule engine are built on first use, on the processor's thread, rather than while the
/// host resolves its hosted services (which held start-up back by 15-50 ms).
/// </summary>
public sealed class TrackerHost
{
    private readonly Lock _gate = new();
    private ConversationTracker? _tracker;

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

    public bool Retract(TeamId team, ChannelId channel, MessageTs ts)
    {
        lock (_gate)
        {
            return Tracker.Retract(team, channel, ts);
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
    private ConversationTracker Tracker => _tracker ??= new ConversationTracker(RuleEngine.CreateDefault());
}
