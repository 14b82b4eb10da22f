using System.Collections.Concurrent;

namespace AsyncCoach.Nudges;

/// <summary>
/// The outcome writes of claimed rows (ended, deferred, given back) that failed, kept per row and
/// tried again each round of the sender until the database takes them. Without this a row whose
/// outcome could not be written stayed <c>sending</c> until the next start ended it as
/// interrupted, though it was sent (the record is then wrong) or never sent (a lost message).
/// A write that still has not landed when the service stops is lost with the process, and its
/// row is ended as interrupted at the next start, as before: never sent twice.
/// </summary>
internal sealed partial class OutboxPostponedWrites(ILogger logger)
{
    private readonly ConcurrentDictionary<long, Func<CancellationToken, Task>> _writes = new();

    /// <summary>Rows whose outcome is not written yet.</summary>
    public int Count => _writes.Count;

    /// <summary>Runs <paramref name="write"/> for row <paramref name="id"/>; if it throws, keeps it for <see cref="RetryAsync"/>. Never throws.</summary>
    public async Task TryAsync(long id, Func<CancellationToken, Task> write)
    {
        try
        {
            await write(CancellationToken.None);
        }
        catch (Exception ex)
        {
            _writes[id] = write;
            Log.Postponed(logger, id, ex.GetType().Name, ex);
        }
    }

    /// <summary>Tries every kept write once more; returns how many are still kept.</summary>
    public async Task<int> RetryAsync()
    {
        foreach (var (id, write) in _writes)
        {
            try
            {
                await write(CancellationToken.None);
            }
            catch (Exception ex)
            {
                Log.StillFailing(logger, id, ex.GetType().Name);
                continue;
            }

            _writes.TryRemove(new KeyValuePair<long, Func<CancellationToken, Task>>(id, write));
            Log.Landed(logger, id);
        }

        return _writes.Count;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4241, Level = LogLevel.Warning, Message = "Writing the outcome of outbox row {OutboxId} failed ({Error}); it stays claimed and the write is tried again each round")]
        public static partial void Postponed(ILogger logger, long outboxId, string error, Exception exception);

        [LoggerMessage(EventId = 4242, Level = LogLevel.Debug, Message = "Writing the outcome of outbox row {OutboxId} failed again ({Error})")]
        public static partial void StillFailing(ILogger logger, long outboxId, string error);

        [LoggerMessage(EventId = 4243, Level = LogLevel.Information, Message = "The postponed outcome of outbox row {OutboxId} was written")]
        public static partial void Landed(ILogger logger, long outboxId);
    }
}
