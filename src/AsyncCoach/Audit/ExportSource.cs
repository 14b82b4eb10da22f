using System.Buffers;

namespace AsyncCoach.Audit;

/// <summary>
/// An export as a set of files, whether a folder or a zip. Files are opened one at a time, so
/// the audit never holds more than one day file.
/// </summary>
public abstract class ExportSource : IDisposable
{
    /// <summary>Shown in messages: the path the user gave.</summary>
    public abstract string DisplayName { get; }

    public abstract IReadOnlyList<ExportEntry> Entries { get; }

    public abstract Stream Open(ExportEntry entry);

    /// <summary>
    /// Reads a whole entry into <paramref name="buffer"/> (a pooled array, swapped for a bigger
    /// one when needed) and returns its length. One day file at a time, never the export.
    /// </summary>
    public virtual int ReadAll(ExportEntry entry, ref byte[] buffer)
    {
        if (entry.Length >= buffer.Length)
        {
            Grow(ref buffer, 0, entry.Length + 1); // +1: the final read that returns 0 needs room
        }

        using var stream = Open(entry);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    Grow(ref buffer, length, buffer.Length * 2);
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    return length;
                }

                length += read;
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ExportFormatException($"{ExportMetadata.Describe(this, entry.Path)}: corrupt zip entry ({ex.Message})", ex);
        }
    }

    protected static void Grow(ref byte[] buffer, int keep, long atLeast)
    {
        if (atLeast > Array.MaxLength)
        {
            throw new InvalidDataException("entry too large");
        }

        var bigger = ArrayPool<byte>.Shared.Rent((int)atLeast);
        buffer.AsSpan(0, keep).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = bigger;
    }

    /// <summary>Another reader of the same export, for another worker: zip archives are not thread-safe.</summary>
    public abstract ExportSource OpenAnother();

    public ExportEntry? Find(string path) =>
        Entries.FirstOrDefault(e => string.Equals(e.Path, path, StringComparison.Ordinal));

    /// <summary>Opens a folder or a zip; a missing path or a file that is not a zip fails with a message naming it.</summary>
    public static ExportSource Open(string path)
    {
        if (Directory.Exists(path))
        {
            return new FolderExportSource(path);
        }

        if (!File.Exists(path))
        {
            throw new ExportFormatException($"{path}: no such file or folder.");
        }

        try
        {
            return new ZipExportSource(path);
        }
        catch (InvalidDataException ex)
        {
            throw new ExportFormatException($"{path}: not a readable zip archive ({ex.Message})", ex);
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Some zips wrap everything in one top folder: the root is where the shallowest users.json lives.</summary>
    protected static string RootPrefix(IEnumerable<string> paths)
    {
        var users = paths
            .Where(p => p == "users.json" || p.EndsWith("/users.json", StringComparison.Ordinal))
            .MinBy(p => p.Length);
        return users is null ? "" : users[..^"users.json".Length];
    }
}
