using AsyncCoach.Inbox;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// Live, event time advances with the wall clock — but only once the inbox is drained, so a
/// follow-up still waiting in the inbox can never be overtaken by its own grace window. A small
/// margin allows for Slack delivering events a moment late.
/// </summary>
public sealed class TrackerClock(TrackerHost tracker, IStorage storage, IServiceScopeFactory scopes) : IInboxIdleHandler
{
    public static readonly TimeSpan DeliveryMargin = TimeSpan.FromSeconds(3);

    public async Task OnIdleAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await tracker.EnsureRestoredAsync(cancellationToken);
        if (tracker.PendingCount == 0)
        {
            return;
        }

        var released = tracker.AdvanceTo(now - DeliveryMargin);
        if (released.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var sink = scope.ServiceProvider.GetRequiredService<IFindingSink>();
        await sink.AcceptAsync(released, cancellationToken);
        await sink.CommitAsync(storage, cancellationToken);
    }
}
