namespace AsyncCoach.Inbox;

/// <summary>Called by the inbox processor whenever a round finds the inbox drained.</summary>
public interface IInboxIdleHandler
{
    Task OnIdleAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
