namespace AsyncCoach.Inbox;

/// <summary>
/// Runs on the processor's loop before each claim, when no round is in flight (e.g. the tracker
/// taking up and dropping conversations as this instance's share of them changes).
/// </summary>
public interface IInboxRoundPreparer
{
    Task PrepareAsync(CancellationToken cancellationToken);
}
