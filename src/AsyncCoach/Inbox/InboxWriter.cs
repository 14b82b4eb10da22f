using System.Threading.Channels;
using AsyncCoach.Storage;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Inbox;

/// <summary>
/// Group commit for the inbox. Each request hands its event over and waits; one writer loop
/// drains whatever has queued up, inserts it all in a single transaction (one fsync), and then
/// completes every waiting request. Under load, batches grow and the fsync cost is shared; when
/// idle, a lone event is committed at once. An event is acknowledged only after its batch is durable.
/// </summary>
public sealed partial class InboxWriter(SqliteDatabase database, InboxSignal signal, ILogger<InboxWriter> logger) : BackgroundService
{
    private const int MaxBatch = 512;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    /// <summary>Queues the entry and completes once it is committed (or was already there).</summary>
    public Task<InboxAddResult> AddAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var pending = new Pending(entry, new TaskCompletionSource<InboxAddResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The inbox is shutting down.");
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        var reader = _queue.Reader;
        SqliteConnection? connection = null;
        SqliteCommand? insert = null;
        try
        {
            // Ends only when StopAsync has completed the queue and every queued event is written,
            // so no accepted request is left waiting at shutdown.
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                try
                {
                    if (connection is null || insert is null)
                    {
                        connection = await database.OpenAsync(CancellationToken.None);
                        insert = InboxStore.PrepareInsert(connection);
                    }

                    await CommitBatchAsync(connection, insert, batch);
                    signal.Notify();
                }
                catch (SqliteException ex)
                {
                    Log.BatchFailed(logger, batch.Count, ex);
                    foreach (var pending in batch)
                    {
                        pending.Completion.TrySetException(ex);
                    }

                    insert?.Dispose();
                    insert = null;
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                    }

                    connection = null;
                }
            }
        }
        finally
        {
            insert?.Dispose();
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        if (ExecuteTask is null or { IsCanceled: true })
        {
            // The loop never ran: BackgroundService starts ExecuteAsync on the thread pool and
            // skips it when the stop comes first. What was accepted is written here instead (the
            // queue is complete, so the loop drains it and returns).
            await ExecuteAsync(CancellationToken.None);
        }
    }

    private async Task CommitBatchAsync(SqliteConnection connection, SqliteCommand insert, List<Pending> batch)
    {
        var results = new InboxAddResult[batch.Count];
        await using (var write = await database.BeginWriteAsync(connection, CancellationToken.None))
        {
            insert.Transaction = write.Transaction;
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = InboxStore.Insert(insert, batch[i].Entry);
            }

            write.Transaction.Commit();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    private sealed record Pending(InboxEntry Entry, TaskCompletionSource<InboxAddResult> Completion);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Writing a batch of {Count} inbox events failed; those requests get a 503 and Slack will retry them")]
        public static partial void BatchFailed(ILogger logger, int count, Exception exception);
    }
}
