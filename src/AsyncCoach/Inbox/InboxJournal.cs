using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using AsyncCoach.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;

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
/// A record is <c>[length][CRC-32 of the body][body]</c>; a record that is cut short or does not
/// match its checksum (a power loss mid-write) ends the readable log of its file, which is cut back
/// there at start. Positions are byte offsets over the whole log; each file is named by the position
/// it starts at. Once a round is committed its records are overwritten with zeros, and a file that
/// holds nothing unprocessed is synced (so the zeros, not the text, are what the disk keeps) and
/// deleted: message text is not kept beyond processing.
/// </para>
/// </summary>
public sealed partial class InboxJournal : IDisposable
{
    private const string Extension = ".journal";
    private const int HeaderBytes = 8;
    private const byte FormatVersion = 1;

    /// <summary>A record's body is at most the request body (1 MiB, the endpoint's limit) and its ids.</summary>
    internal const int MaxBodyBytes = 2 * 1024 * 1024;

    private static readonly byte[] Zeros = new byte[64 * 1024];

    private readonly IInboxStore _inbox;
    private readonly DatabaseReadiness _readiness;
    private readonly bool _syncEachAppend;
    private readonly ILogger<InboxJournal> _logger;

    // Segments in position order; the last one is appended to. Guarded by _gate, as is _pending.
    private readonly List<Segment> _segments = [];
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
                foreach (var (start, path) in ExistingSegments(DirectoryPath))
                {
                    Recover(start, path, processedUpTo);
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
            Encode(_buffer, entries[i]);
            ends[i] = _appendAt + _buffer.WrittenCount;
        }

        Segment? segment = null;
        if (DirectoryPath is not null)
        {
            segment = CurrentSegment();
            var offset = _appendAt - segment.Start;
            try
            {
                RandomAccess.Write(segment.Handle, _buffer.WrittenSpan, offset);
                if (_syncEachAppend)
                {
                    RandomAccess.FlushToDisk(segment.Handle);
                }
            }
            catch (IOException)
            {
                // A partial write must not be taken for records at the next start.
                TryCutBack(segment, offset);
                throw;
            }

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
    private void Enqueue(InboxEntry entry, long start, long end, Segment? segment)
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

        List<Segment> finished = [];
        List<(Segment Segment, long Offset, long Length)> clear = [];
        lock (_gate)
        {
            foreach (var segment in _segments)
            {
                var from = Math.Max(_releasedUpTo, segment.Start);
                var to = Math.Min(position, segment.End);
                if (to > from)
                {
                    clear.Add((segment, from - segment.Start, to - from));
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
        foreach (var (segment, offset, length) in clear)
        {
            ZeroRange(segment, offset, length);
        }

        foreach (var segment in finished)
        {
            // Synced first: a file deleted with its zeros still unwritten would leave the text on disk.
            RandomAccess.FlushToDisk(segment.Handle);
            segment.Handle.Dispose();
            File.Delete(segment.Path);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var segment in _segments)
            {
                segment.Handle.Dispose();
            }

            _segments.Clear();
        }

        _opening.Dispose();
    }

    private Segment CurrentSegment()
    {
        lock (_gate)
        {
            if (_segments.Count > 0 && _segments[^1] is { } last && last.End == _appendAt && last.End - last.Start < SegmentBytes)
            {
                return last;
            }

            var path = Path.Combine(DirectoryPath!, _appendAt.ToString("D20", CultureInfo.InvariantCulture) + Extension);
            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new IOException($"Cannot create the inbox journal file {path}: {ex.Message}", ex);
            }

            var segment = new Segment(_appendAt, path, handle) { End = _appendAt };
            _segments.Add(segment);
            return segment;
        }
    }

    private static void TryCutBack(Segment segment, long length)
    {
        try
        {
            RandomAccess.SetLength(segment.Handle, length);
        }
        catch (IOException)
        {
            // Whatever was written past the last whole batch fails its checksum at the next start.
        }
    }

    private static void ZeroRange(Segment segment, long offset, long length)
    {
        while (length > 0)
        {
            var chunk = (int)Math.Min(length, Zeros.Length);
            RandomAccess.Write(segment.Handle, Zeros.AsSpan(0, chunk), offset);
            offset += chunk;
            length -= chunk;
        }
    }

    private static IEnumerable<(long Start, string Path)> ExistingSegments(string directory) =>
        Directory.EnumerateFiles(directory, "*" + Extension)
            .Select(path => (Ok: long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var start), Start: start, Path: path))
            .Where(s => s.Ok)
            .OrderBy(s => s.Start)
            .Select(s => (s.Start, s.Path));

    /// <summary>Queues the records of one file that lie after <paramref name="processedUpTo"/>; cuts an unreadable tail off.</summary>
    private void Recover(long start, string path, long processedUpTo)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        var segment = new Segment(start, path, handle) { End = start + length };
        _segments.Add(segment);
        if (segment.End <= processedUpTo)
        {
            return;
        }

        var bytes = new byte[length];
        RandomAccess.Read(handle, bytes, 0);
        var offset = (int)Math.Max(0, processedUpTo - start);
        while (offset < length)
        {
            if (!TryDecode(bytes.AsSpan(offset), start + offset, out var record, out var size))
            {
                Log.TailCut(_logger, path, offset, length - offset);
                RandomAccess.SetLength(handle, offset);
                segment.End = start + offset;
                break;
            }

            Enqueue(record.Entry, start + offset, record.End, segment);
            offset += size;
        }

        _appendAt = Math.Max(_appendAt, segment.End);
    }

    internal static void Encode(ArrayBufferWriter<byte> buffer, InboxEntry entry)
    {
        var bodyLength = 1 + 8 + Utf8Length(entry.EventId) + Utf8Length(entry.TeamId) + Utf8Length(entry.ChannelId)
            + Utf8Length(entry.EventType) + entry.Payload.Length;
        var span = buffer.GetSpan(HeaderBytes + bodyLength)[..(HeaderBytes + bodyLength)];
        var body = span[HeaderBytes..];
        body[0] = FormatVersion;
        BinaryPrimitives.WriteInt64LittleEndian(body[1..], entry.ReceivedAt.UtcTicks);
        var at = 9;
        at += WriteString(body[at..], entry.EventId);
        at += WriteString(body[at..], entry.TeamId);
        at += WriteString(body[at..], entry.ChannelId);
        at += WriteString(body[at..], entry.EventType);
        entry.Payload.CopyTo(body[at..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32.HashToUInt32(body));
        buffer.Advance(span.Length);
    }

    /// <summary>Reads the record at the start of <paramref name="bytes"/>; false when there is no whole, intact one.</summary>
    internal static bool TryDecode(ReadOnlySpan<byte> bytes, long position, out JournalRecord record, out int size)
    {
        record = null!;
        size = 0;
        if (bytes.Length < HeaderBytes)
        {
            return false;
        }

        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (bodyLength < 9 || bodyLength > MaxBodyBytes || bodyLength > bytes.Length - HeaderBytes)
        {
            return false;
        }

        var body = bytes.Slice(HeaderBytes, bodyLength);
        if (Crc32.HashToUInt32(body) != BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) || body[0] != FormatVersion)
        {
            return false;
        }

        var at = 9;
        if (!TryReadString(body, ref at, out var eventId) || !TryReadString(body, ref at, out var teamId)
            || !TryReadString(body, ref at, out var channelId) || !TryReadString(body, ref at, out var eventType)
            || eventId is null || teamId is null || eventType is null)
        {
            return false;
        }

        var receivedAt = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(body[1..]), TimeSpan.Zero);
        size = HeaderBytes + bodyLength;
        record = new JournalRecord(new InboxEntry(eventId, teamId, channelId, eventType, receivedAt, body[at..].ToArray()), position + size);
        return true;
    }

    private static int Utf8Length(string? value) => 2 + (value is null ? 0 : Encoding.UTF8.GetByteCount(value));

    // A string is its UTF-8 length (0xFFFF for null) and bytes; ids and types are far shorter.
    private static int WriteString(Span<byte> target, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(target, ushort.MaxValue);
            return 2;
        }

        var written = Encoding.UTF8.GetBytes(value, target[2..]);
        BinaryPrimitives.WriteUInt16LittleEndian(target, checked((ushort)written));
        return 2 + written;
    }

    private static bool TryReadString(ReadOnlySpan<byte> body, ref int at, out string? value)
    {
        value = null;
        if (body.Length - at < 2)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(body[at..]);
        at += 2;
        if (length == ushort.MaxValue)
        {
            return true;
        }

        if (body.Length - at < length)
        {
            return false;
        }

        value = Encoding.UTF8.GetString(body.Slice(at, length));
        at += length;
        return true;
    }

    /// <summary>Records beyond the memory budget, in one file one after another, read again from it (it is kept until they are processed).</summary>
    private static void ReadBack(ReadOnlySpan<Queued> run, Span<JournalRecord> into)
    {
        var segment = run[0].Segment!;
        var bytes = new byte[run[^1].End - run[0].Start];
        RandomAccess.Read(segment.Handle, bytes, run[0].Start - segment.Start);
        var offset = 0;
        for (var i = 0; i < run.Length; i++)
        {
            if (!TryDecode(bytes.AsSpan(offset), run[i].Start, out var record, out var size))
            {
                throw new IOException($"The inbox journal record at {run[i].Start} in {segment.Path} no longer reads back.");
            }

            into[i] = record;
            offset += size;
        }
    }

    private sealed record Queued(InboxEntry? Entry, long Start, long End, Segment? Segment, DateTimeOffset ReceivedAt);

    private sealed class Segment(long start, string path, SafeFileHandle handle)
    {
        public long Start { get; } = start;

        public string Path { get; } = path;

        public SafeFileHandle Handle { get; } = handle;

        /// <summary>The position just after its last whole record.</summary>
        public long End { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "Resuming {Count} acknowledged events not processed before the last stop (inbox journal {Directory})")]
        public static partial void Recovered(ILogger logger, int count, string directory);

        [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "The inbox journal file {Path} ends in {Bytes} unreadable bytes at offset {Offset} (a write cut short); cut back there")]
        public static partial void TailCut(ILogger logger, string path, long offset, long bytes);
    }
}

/// <summary>An acknowledged event in the journal, and the position just after it.</summary>
public sealed record JournalRecord(InboxEntry Entry, long End);
