using System.Runtime.CompilerServices;
using AsyncCoach.Core.Model;
using AsyncCoach.Core.Norms;

namespace AsyncCoach.Audit;

/// <summary>
/// Streams an export through the rules: conversation by conversation (a few at once, one per
/// core), day file by day file, message by message in ts order. Each worker holds one day file
/// at a time; only counts and serialised findings outlive it, never message text.
/// </summary>
public sealed class AuditRunner(ConversationAuditorFactory auditorFactory, TeamNorms norms)
{
    /// <summary>Findings are handed to the spool in chunks of about this many bytes.</summary>
    internal const int ChunkBytes = 1 << 18;

    internal ConversationAuditorFactory AuditorFactory { get; } = auditorFactory;

    internal TeamNorms Norms { get; } = norms;

    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive end of the audited period.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Conversations audited at once; each conversation stays on one worker, in order.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Called after each day file with its size in bytes (from any worker).</summary>
    public Action<long>? DayFileDone { get; init; }

    internal void Run(ExportSource source, ExportMetadata metadata, ExportLayout layout, AuditSummary summary,
        FindingSpool? spool, CancellationToken ct)
    {
        summary.Warnings.AddRange(layout.Warnings);
        // Largest conversations first, so no worker is left with a big one at the end.
        var queue = Enumerable.Range(0, layout.Conversations.Count)
            .OrderByDescending(i => layout.Conversations[i].Days.Sum(d => d.Entry.Length))
            .ToArray();
        var next = -1;
        var gate = new Lock();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var failures = new List<(int Index, Exception Error)>();

        void Work(ExportSource reader)
        {
            using var worker = new AuditWorker(this, reader, metadata, spool);
            int slot;
            while (!stop.IsCancellationRequested && (slot = Interlocked.Increment(ref next)) < queue.Length)
            {
                var index = queue[slot];
                try
                {
                    var tally = worker.Audit(index, layout.Conversations[index], stop.Token);
                    lock (gate)
                    {
                        summary.Merge(tally);
                    }
                }
                catch (Exception ex)
                {
                    lock (gate)
                    {
                        failures.Add((index, ex));
                    }

                    stop.Cancel();
                }
            }
        }

        var workers = Math.Clamp(Parallelism, 1, Math.Max(1, queue.Length));
        var readers = Enumerable.Range(0, workers).Select(i => i == 0 ? source : source.OpenAnother()).ToList();
        try
        {
            var threads = readers.Skip(1).Select(reader => Task.Factory.StartNew(
                () => Work(reader), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
            Work(readers[0]);
            Task.WaitAll([.. threads], CancellationToken.None);
        }
        finally
        {
            foreach (var reader in readers.Skip(1))
            {
                reader.Dispose();
            }
        }

        ct.ThrowIfCancellationRequested();
        // The first failure in conversation order, whichever worker met it first.
        if (failures.Where(f => f.Error is not OperationCanceledException).OrderBy(f => f.Index).Select(f => f.Error).FirstOrDefault() is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ChatMessage? ToChatMessage(in ExportMessage raw, Conversation conversation, ExportMetadata metadata)
    {
        if (raw.HasBotId || raw.User is not { Length: > 0 } user
            || raw.Subtype == ExportSubtype.Other)
        {
            return null;
        }

        var author = new UserId(user);
        if (metadata.People.TryGetValue(author, out var person) && person.IsBot)
        {
            return null;
        }

        return new ChatMessage(metadata.Team, conversation.Id, conversation.Kind, author, new MessageTs(raw.Ts),
            raw.ThreadTs is { } thread ? new MessageTs(thread) : null, raw.Text ?? "");
    }
}
