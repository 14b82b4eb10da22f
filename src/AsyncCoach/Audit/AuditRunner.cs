using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
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
    /// <summary>Subtypes that are a person writing; every other subtype (bot_message, channel_join, …) is skipped.</summary>
    private static readonly HashSet<string> HumanSubtypes = new(StringComparer.Ordinal)
    {
        "thread_broadcast", "file_share", "me_message",
    };

    private const int ChunkBytes = 1 << 18;

    private readonly ConversationAuditorFactory auditorFactory = auditorFactory;
    private readonly TeamNorms norms = norms;

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
            using var worker = new Worker(this, reader, metadata, spool);
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

    private static ChatMessage? ToChatMessage(in ExportMessage raw, Conversation conversation, ExportMetadata metadata)
    {
        if (raw.HasBotId || raw.User is not { Length: > 0 } user
            || (raw.Subtype is { } subtype && !HumanSubtypes.Contains(subtype)))
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

    /// <summary>One worker's reusable state: its own reader, day buffer and finding serialiser.</summary>
    private sealed class Worker(AuditRunner runner, ExportSource source, ExportMetadata metadata, FindingSpool? spool) : IDisposable
    {
        private readonly List<ExportMessage> day = [];
        private readonly ArrayBufferWriter<byte> lines = new(ChunkBytes);
        private readonly Utf8JsonWriter json = new(new ArrayBufferWriter<byte>(), new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // output is not HTML: keep '+' and non-ASCII readable
        });

        private int sequence;
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);

        public ConversationTally Audit(int index, ConversationDays work, CancellationToken ct)
        {
            var (conversation, days) = work;
            var tally = new ConversationTally(conversation, days.Count);
            var auditor = runner.auditorFactory(conversation, metadata.People, runner.norms);
            sequence = 0;
            lines.ResetWrittenCount();
            foreach (var file in days)
            {
                ct.ThrowIfCancellationRequested();
                var name = ExportMetadata.Describe(source, file.Entry.Path);
                try
                {
                    var length = source.ReadAll(file.Entry, ref buffer);
                    DayFileParser.Parse(buffer.AsSpan(0, length), name, day);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new ExportFormatException($"{name}: cannot be read ({ex.Message})", ex);
                }

                foreach (var raw in day)
                {
                    tally.Read++;
                    if (ToChatMessage(raw, conversation, metadata) is not { } message)
                    {
                        tally.SkippedBotOrSystem++;
                        continue;
                    }

                    var time = message.Time;
                    if ((runner.From is { } from && time < from) || (runner.To is { } to && time >= to))
                    {
                        tally.SkippedOutsidePeriod++;
                        continue;
                    }

                    tally.Evaluate(message, time);
                    Record(auditor.Observe(message), conversation, tally, index);
                }

                day.Clear(); // drop the day's text before reading the next
                runner.DayFileDone?.Invoke(file.Entry.Length);
            }

            Record(auditor.Finish(), conversation, tally, index);
            FlushLines(index);
            return tally;
        }

        private void Record(IReadOnlyList<Core.Rules.Finding> findings, Conversation conversation, ConversationTally tally, int index)
        {
            foreach (var finding in findings)
            {
                tally.Add(finding);
                if (spool is null)
                {
                    continue;
                }

                json.Reset(lines);
                FindingJson.Write(json, finding, conversation);
                json.Flush();
                lines.Write("\n"u8);
                if (lines.WrittenCount >= ChunkBytes)
                {
                    FlushLines(index);
                }
            }
        }

        public void Dispose()
        {
            json.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }

        private void FlushLines(int index)
        {
            if (spool is not null && lines.WrittenCount > 0)
            {
                spool.Append(index, sequence++, lines.WrittenSpan);
            }

            lines.ResetWrittenCount();
        }
    }
}
