using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;

namespace AsyncCoach.Pipeline;

/// <summary>
/// The process's one <see cref="ConversationTracker"/>. The tracker is not thread-safe; the inbox
/// processor and the idle clock both reach it, so every call goes through one lock.
/// </summary>
public sealed class TrackerHost
{
    private readonly Lock _gate = new();
    private readonly ConversationTracker _tracker = new(RuleEngine.CreateDefault());

    public IReadOnlyList<Finding> Observe(ChatMessage message, MessageContext context)
    {
        lock (_gate)
        {
            return _tracker.Observe(message, context);
        }
    }

    public IReadOnlyList<Finding> ObserveEdit(ChatMessage edited, MessageContext context)
    {
        lock (_gate)
        {
            return _tracker.ObserveEdit(edited, context);
        }
    }

    public bool Retract(TeamId team, ChannelId channel, MessageTs ts)
    {
        lock (_gate)
        {
            return _tracker.Retract(team, channel, ts);
        }
    }

    public IReadOnlyList<Finding> AdvanceTo(DateTimeOffset eventTime)
    {
        lock (_gate)
        {
            return _tracker.AdvanceTo(eventTime);
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _tracker.PendingCount;
            }
        }
    }
}
