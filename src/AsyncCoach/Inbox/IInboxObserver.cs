using AsyncCoach.Storage;

namespace AsyncCoach.Inbox;

/// <summary>Told after each processed batch is recorded (metrics, tests); none by default.</summary>
public interface IInboxObserver
{
    void BatchCompleted(IReadOnlyList<InboxOutcome> outcomes);
}
