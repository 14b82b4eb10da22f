namespace AsyncCoach.Storage;

/// <summary>
/// A read-only snapshot on the inbox processor's session (<see cref="IProcessingSession.BeginRead"/>),
/// for the round's many small look-ups (<see cref="IInboxStore.IsKnown"/>): one snapshot instead of
/// one per look-up. Nothing is written through it; disposing it ends it. Not thread-safe.
/// </summary>
public interface IStorageRead : IDisposable;
