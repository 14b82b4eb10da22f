using System.Buffers;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Inbox;

/// <summary>
/// Where an acknowledged event is made durable: an append-only log of files beside the database
/// (<c>asynccoach.db.inbox/</c>), written once per group commit. The SQLite inbox table is written
/// when the event is processed, in the same transaction as its findings and the log position
/// processed so far, so a crash at any point resumes from that position and nothing is done twice.
/// <para>
/// Why not the table itself: inserting each event into SQLite (its B-trees, its write-ahead log)
/// cost about 13 µs of the 45–50 µs an acknowledgement cost, more than the rest of the durable
/// path together, where appending the same bytes to a file costs well under one
/// (docs/benchmarks.md, "The inbox journal"). The event is as durable either way: written to the
/// operating system before Slack is answered, and with <c>Storage:Synchronous=Full</c> also synced.
/// </para>
/// <para>
/// Its parts, each with the part of the protocol it keeps (docs/architecture.md, "The inbox
/// journal"): <see cref="JournalRecordCodec"/> (a record's bytes, its checksum, its version),
/// <see cref="JournalSegment"/> (the files, named by position; zeroing and deleting what is
/// processed), <see cref="JournalRecovery"/> (what is read again at start). This class keeps the
/// queue of unprocessed records, within a memory budget, and the positions.
/// </para>
/// </summary>
public sealed partial class InboxJournal : IDisposable
{
    private readonly IInboxStore _inbox;
    private readonly DatabaseReadiness _readiness;
    private readonly bool _syncEachAppend;
    private readonly ILogger<InboxJournal> _logger;

    // Segments in position order; the last one is appended to. Guarded by _gate, as is _pending.
    private readonly List<JournalSegment> _segments = [];
    private readonly Queue<Queued> _pending = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _opening = new(1, 1);

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private long _appendAt;
    private long _releasedUpTo;
    private long _queuedPayloadBytes;
    private volatile bool _open;

    public InboxJournal(IStorage database, IInboxStore inbox, DatabaseReadiness readiness, IOptions<StorageOptions> storage, ILogger<InboxJournal> logger)
    {
        _inbox = inbox;
        _readiness = readiness;
        _syncEachAppend = storage.Value.Synchronous == SqliteSynchronous.Full;
        _logger = logger;
        DirectoryPath = database.LocalFilePath is { } file ? file + ".inbox" : null;
    }

    /// <summary>The folder of log files; null for a database that is not a file (nothing to make durable).</summary>
    public string? DirectoryPath { get; }

    /// <summary>
    /// True when the journal's folder is no longer there (deleted or moved while the service runs):
    /// events are then appended to files that are gone, and lost if the service stops before
    /// processing them.
    /// </summary>
    public bool IsFolderMissing => _open && DirectoryPath is not null && !Directory.Exists(DirectoryPath);

    /// <summary>A file is not appended to once it holds this much; smaller files are deleted sooner.</summary>
    internal long SegmentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How many payload bytes of unprocessed records are kept in memory, so that the processor
    /// need not read them back; past it (a backlog) only their positions are, and they are read
    /// from the file when their turn comes.
    /// </summary>
    internal long MemoryBudgetBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Records written and not yet processed.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>When the oldest record not processed yet arrived (null when none): the inbox's lag, for the metrics.</summary>
    public DateTimeOffset? OldestPendingReceivedAt
    {
        get
        {
            lock (_gate)
            {
                return _pending.TryPeek(out var oldest) ? oldest.ReceivedAt : null;
            }
        }
    }

    /// <summary>
    /// Once, before the first append or round: waits for the database's migration, reads the
    /// position processed so far, and queues every record after it (the ones a stop or crash left).
    /// </summary>
    public async Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_open)
        {
            return;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_open)
            {
                return;
            }

            await _readiness.Migrated.WaitAsync(cancellationToken);
            Open(await _inbox.ReadJournalPositionAsync(cancellationToken));
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Reads the log after <paramref name="processedUpTo"/> into the queue and clears what is before it.</summary>
    internal void Open(long processedUpTo)
    {
        lock (_gate)
        {
            _appendAt = processedUpTo;
            _releasedUpTo = 0;
            if (DirectoryPath is not null)
            {
                Directory.CreateDirectory(DirectoryPath);
                foreach (var (start, path) in JournalSegment.Existing(DirectoryPath))
                {
                    var segment = JournalSegment.OpenExisting(start, path);
                    _segments.Add(segment);
                    foreach (var (recordStart, record) in JournalRecovery.Unprocessed(segment, processedUpTo, _logger))
                    {
                        Enqueue(record.Entry, recordStart, record.End, segment);
                    }

                    _appendAt = Math.Max(_appendAt, segment.End);
                }
            }

            _open = true;
            if (_pending.Count > 0)
            {
                Log.Recovered(_logger, _pending.Count, DirectoryPath ?? "");
            }
        }

        // Files wholly before the position (a stop between a round's commit and its clearing).
        Release(processedUpTo);
    }

    /// <summary>
    /// Writes <paramref name="entries"/> as one write (synced too with <c>Storage:Synchronous=Full</c>)
    /// and queues them for processing. Called by the group commit only, one batch at a time. If it
    /// throws, none of the batch is queued and the file is cut back to where it was.
    /// </summary>
    public void Append(IReadOnlyList<InboxEntry> entries)
    {
        if (!_open)
        {
            throw new InvalidOperationException("The inbox journal is not open yet.");
        }

        _buffer.ResetWrittenCount();
        var ends = new long[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            JournalRecordCodec.Encode(_buffer, entries[i]);
            ends[i] = _appendAt + _buffer.WrittenCount;
        }

        JournalSegment? segment = null;
        if (DirectoryPath is not null)
        {
            segment = CurrentSegment();
            segment.Write(_buffer.WrittenSpan, _appendAt, _syncEachAppend);
            lock (_gate)
            {
                segment.End = _appendAt + _buffer.WrittenCount;
            }
        }

        lock (_gate)
        {
            var start = _appendAt;
            for (var i = 0; i < entries.Count; i++)
            {
                Enqueue(entries[i], start, ends[i], segment);
                start = ends[i];
            }

            _appendAt += _buffer.WrittenCount;
        }
    }

    // Under _gate. Without a file (a database that is not one) every record stays in memory.
    private void Enqueue(InboxEntry entry, long start, long end, JournalSegment? segment)
    {
        if (segment is null || _queuedPayloadBytes < MemoryBudgetBytes)
        {
            _queuedPayloadBytes += entry.Payload.Length;
            _pending.Enqueue(new Queued(entry, start, end, segment, entry.ReceivedAt));
        }
        else
        {
            _pending.Enqueue(new Queued(null, start, end, segment, entry.ReceivedAt));
        }
    }

    /// <summary>Up to <paramref name="max"/> of the oldest unprocessed records, left queued until <see cref="Complete"/>.</summary>
    public IReadOnlyList<JournalRecord> Peek(int max)
    {
        Queued[] queued;
        lock (_gate)
        {
            var count = Math.Min(max, _pending.Count);
            if (count == 0)
            {
                return [];
            }

            queued = new Queued[count];
            var i = 0;
            foreach (var item in _pending)
            {
                queued[i++] = item;
                if (i == count)
                {
                    break;
                }
            }
        }

        // Outside the lock: only the processor reads back, and a file is kept while it has records to process.
        var records = new JournalRecord[queued.Length];
        for (var i = 0; i < queued.Length;)
        {
            if (queued[i].Entry is { } entry)
            {
                records[i] = new JournalRecord(entry, queued[i].End);
                i++;
                continue;
            }

            // A run of records read back from one file is read in one go.
            var end = i + 1;
            while (end < queued.Length && queued[end].Entry is null && queued[end].Segment == queued[i].Segment)
            {
                end++;
            }

            ReadBack(queued.AsSpan(i, end - i), records.AsSpan(i, end - i));
            i = end;
        }

        return records;
    }

    /// <summary>
    /// The first <paramref name="count"/> queued records are processed and their position is
    /// committed: they leave the queue, their bytes are overwritten with zeros, and files with
    /// nothing unprocessed left are synced and deleted.
    /// </summary>
    public void Complete(int count)
    {
        long position;
        lock (_gate)
        {
            Queued? last = null;
            for (var i = 0; i < count; i++)
            {
                last = _pending.Dequeue();
                _queuedPayloadBytes -= last.Entry?.Payload.Length ?? 0;
            }

            if (last is null)
            {
                return;
            }

            position = last.End;
        }

        Release(position);
    }

    private void Release(long position)
    {
        if (DirectoryPath is null)
        {
            return;
        }

        List<JournalSegment> finished = [];
        List<(JournalSegment Segment, long From, long To)> clear = [];
        lock (_gate)
        {
            foreach (var segment in _segments)
            {
                var from = Math.Max(_releasedUpTo, segment.Start);
                var to = Math.Min(position, segment.End);
                if (to > from)
                {
                    clear.Add((segment, from, to));
                }

                if (segment.End <= position && segment != _segments[^1])
                {
                    finished.Add(segment);
                }
            }

            foreach (var segment in finished)
            {
                _segments.Remove(segment);
            }

            _releasedUpTo = Math.Max(_releasedUpTo, position);
        }

        // Outside the lock, so the group commit is not kept waiting; the writer only appends past these ranges.
        foreach (var (segment, from, to) in clear)
        {
            segment.Zero(from, to);
        }

        foreach (var segment in finished)
        {
            segment.Delete();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var segment in _segments)
            {
                segment.Dispose();
            }

            _segments.Clear();
        }

        _opening.Dispose();
    }

    private JournalSegment CurrentSegment()
    {
        lock (_gate)
        {
            if (_segments.Count > 0 && _segments[^1] is { } last && last.End == _appendAt && last.End - last.Start < SegmentBytes)
            {
                return last;
            }

            var segment = JournalSegment.Create(DirectoryPath!, _appendAt);
            _segments.Add(segment);
            return segment;
        }
    }

    /// <summary>Records beyond the memory budget, in one file one after another, read again from it (it is kept until they are processed).</summary>
    private static void ReadBack(ReadOnlySpan<Queued> run, Span<JournalRecord> into)
    {
        var segment = run[0].Segment!;
        var bytes = segment.Read(run[0].Start, run[^1].End);
        var offset = 0;
        for (var i = 0; i < run.Length; i++)
        {
            if (!JournalRecordCodec.TryDecode(bytes.AsSpan(offset), run[i].Start, out var record, out var size))
            {
                throw new IOException($"The inbox journal record at {run[i].Start} in {segment.Path} no longer reads back.");
            }

            into[i] = record;
            offset += size;
        }
    }

    private sealed record Queued(InboxEntry? Entry, long Start, long End, JournalSegment? Segment, DateTimeOffset ReceivedAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "Resuming {Count} acknowledged events not processed before the last stop (inbox journal {Directory})")]
        public static partial void Recovered(ILogger logger, int count, string directory);
    }
}
