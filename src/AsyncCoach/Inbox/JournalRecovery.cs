namespace AsyncCoach.Inbox;

/// <summary>
/// Recovery of the inbox journal at start (docs/architecture.md, "The inbox journal"). The
/// position processed so far lives in the database, committed with each round's results; every
/// record after it in the files is an event acknowledged and not yet processed, and is processed
/// again. A record cut short or failing its checksum (a power loss mid-write; it was never
/// acknowledged, since a batch is acknowledged only once written whole) ends its file's readable
/// log, and the file is cut back there so appends continue from a whole record.
/// </summary>
internal static partial class JournalRecovery
{
    /// <summary>
    /// The records of <paramref name="segment"/> that lie after <paramref name="processedUpTo"/>,
    /// with the position each starts at, in order; an unreadable tail is cut off (and logged) on the way.
    /// Read lazily, so a record's payload can be dropped as soon as it is queued.
    /// </summary>
    public static IEnumerable<(long Start, JournalRecord Record)> Unprocessed(JournalSegment segment, long processedUpTo, ILogger logger)
    {
        if (segment.End <= processedUpTo)
        {
            yield break;
        }

        var bytes = segment.Read(segment.Start, segment.End);
        var offset = (int)Math.Max(0, processedUpTo - segment.Start);
        while (offset < bytes.Length)
        {
            var start = segment.Start + offset;
            if (!JournalRecordCodec.TryDecode(bytes.AsSpan(offset), start, out var record, out var size))
            {
                Log.TailCut(logger, segment.Path, offset, bytes.Length - offset);
                segment.CutBack(start);
                yield break;
            }

            yield return (start, record);
            offset += size;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "The inbox journal file {Path} ends in {Bytes} unreadable bytes at offset {Offset} (a write cut short); cut back there")]
        public static partial void TailCut(ILogger logger, string path, long offset, long bytes);
    }
}
