using AsyncCoach.Inbox;
using AsyncCoach.Storage;

namespace AsyncCoach.Pipeline;

/// <summary>
/// Live, event time advances with the wall clock — but only once the inbox is drained, so a
/// follow-up still waiting in the inbox can never be overtaken by its own grace window. A small
/// margin allows for Slack delivering events a moment late. Where instances divide the
/// conversations, what it releases is written under the fence (<see cref="IConversationOwnership.HoldsAllAsync"/>):
/// an instance that lost some of its conversations meanwhile writes nothing (their new owner releases them).
/// </summary>
public sealed class TrackerClock(TrackerHost tracker, IStorage storage, IServiceScopeFactory scopes, IEnumerable<IConversationOwnership> ownerships)
    : IInboxIdleHandler
{
    private readonly IConversationOwnership? _ownership = ownerships.SingleOrDefault();

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
        if (_ownership is null)
        {
            await sink.CommitAsync(storage, cancellationToken);
            return;
        }

        await using (var transaction = await storage.BeginTransactionAsync(cancellationToken))
        {
            if (!await _ownership.HoldsAllAsync(transaction, cancellationToken))
            {
                return;
            }

            await sink.WriteAsync(transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        sink.Committed();
    }
}
