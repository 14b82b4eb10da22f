using AsyncCoach.Inbox;

namespace AsyncCoach.Pipeline;

/// <summary>
/// Live, event time advances with the wall clock — but only once the inbox is drained, so a
/// follow-up still waiting in the inbox can never be overtaken by its own grace window. A small
/// margin allows for Slack delivering events a moment late.
/// </summary>
public sealed class TrackerClock(TrackerHost tracker, IServiceScopeFactory scopes) : IInboxIdleHandler
{
    public static readonly TimeSpan DeliveryMargin = TimeSpan.FromSeconds(3);

    public async Task OnIdleAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
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
        await scope.ServiceProvider.GetRequiredService<IFindingSink>().AcceptAsync(released, cancellationToken);
    }
}
