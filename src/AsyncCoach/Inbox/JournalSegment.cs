using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace AsyncCoach.Inbox;

/// <summary>
/// One file of the inbox journal (docs/architecture.md, "The inbox journal"). Positions are byte
/// offsets over the whole log; a file is named by the position of its first byte (20 digits,
/// <c>.journal</c>) and holds whole records, <see cref="Start"/> to <see cref="End"/>. Processed
/// records are overwritten with zeros (<see cref="Zero"/>); a file with nothing unprocessed left is
/// synced, so the zeros and not the text are what the disk keeps, then deleted (<see cref="Delete"/>).
/// Not thread-safe on its own: <see cref="InboxJournal"/> guards <see cref="End"/> and the list of files.
/// </summary>
internal sealed class JournalSegment : IDisposable
{
    private const string Extension = ".journal";

    private static readonly byte[] Zeros = new byte[64 * 1024];

    private readonly SafeFileHandle _handle;

    private JournalSegment(long start, string path, SafeFileHandle handle, long end)
    {
        Start = start;
        Path = path;
        _handle = handle;
        End = end;
    }

    /// <summary>The position of the file's first byte.</summary>
    public long Start { get; }

    public string Path { get; }

    /// <summary>The position just after its last whole record.</summary>
    public long End { get; set; }

    /// <summary>A new, empty file for the log from <paramref name="start"/> on.</summary>
    /// <exception cref="IOException">It cannot be created (it exists, the folder is gone or not writable).</exception>
    public static JournalSegment Create(string directory, long start)
    {
        var path = System.IO.Path.Combine(directory, start.ToString("D20", CultureInfo.InvariantCulture) + Extension);
        try
        {
            return new JournalSegment(start, path, File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read), start);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"Cannot create the inbox journal file {path}: {ex.Message}", ex);
        }
    }

    /// <summary>A file a previous run left; <see cref="End"/> is where its bytes end, until recovery reads it.</summary>
    public static JournalSegment OpenExisting(long start, string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        return new JournalSegment(start, path, handle, start + RandomAccess.GetLength(handle));
    }

    /// <summary>The journal's files in <paramref name="directory"/>, in position order; other files are left alone.</summary>
    public static IEnumerable<(long Start, string Path)> Existing(string directory) =>
        Directory.EnumerateFiles(directory, "*" + Extension)
            .Select(path => (Ok: long.TryParse(System.IO.Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var start), Start: start, Path: path))
            .Where(s => s.Ok)
            .OrderBy(s => s.Start)
            .Select(s => (s.Start, s.Path));

    /// <summary>
    /// Writes <paramref name="bytes"/> at <paramref name="position"/> (synced too when
    /// <paramref name="sync"/>). If the write fails the file is cut back to <paramref name="position"/>,
    /// so a partial write is not taken for records at the next start, and the error is rethrown.
    /// </summary>
    public void Write(ReadOnlySpan<byte> bytes, long position, bool sync)
    {
        var offset = position - Start;
        try
        {
            RandomAccess.Write(_handle, bytes, offset);
            if (sync)
            {
                RandomAccess.FlushToDisk(_handle);
            }
        }
        catch (IOException)
        {
            TryCutBack(offset);
            throw;
        }
    }

    /// <summary>The bytes from <paramref name="from"/> to <paramref name="to"/> (positions).</summary>
    public byte[] Read(long from, long to)
    {
        var bytes = new byte[to - from];
        RandomAccess.Read(_handle, bytes, from - Start);
        return bytes;
    }

    /// <summary>Cuts the file at <paramref name="position"/>: what follows was never a whole record.</summary>
    public void CutBack(long position)
    {
        RandomAccess.SetLength(_handle, position - Start);
        End = position;
    }

    /// <summary>Overwrites the bytes from <paramref name="from"/> to <paramref name="to"/> (positions) with zeros.</summary>
    public void Zero(long from, long to)
    {
        var offset = from - Start;
        var length = to - from;
        while (length > 0)
        {
            var chunk = (int)Math.Min(length, Zeros.Length);
            RandomAccess.Write(_handle, Zeros.AsSpan(0, chunk), offset);
            offset += chunk;
            length -= chunk;
        }
    }

    /// <summary>Syncs, closes and deletes the file.</summary>
    public void Delete()
    {
        // Synced first: a file deleted with its zeros still unwritten would leave the text on disk.
        RandomAccess.FlushToDisk(_handle);
        _handle.Dispose();
        File.Delete(Path);
    }

    public void Dispose() => _handle.Dispose();

    private void TryCutBack(long length)
    {
        try
        {
            RandomAccess.SetLength(_handle, length);
        }
        catch (IOException)
        {
            // Whatever was written past the last whole batch fails its checksum at the next start.
        }
    }
}
