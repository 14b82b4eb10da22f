using System.IO.Enumeration;

namespace AsyncCoach.Audit;

/// <summary>An extracted export: every read opens its own file handle.</summary>
internal sealed class FolderExportSource : ExportSource
{
    private readonly string root;

    public FolderExportSource(string root)
    {
        var full = Path.GetFullPath(root);
        DisplayName = root;
        // Every file below the root, as DirectoryInfo.EnumerateFiles("*", AllDirectories) lists them, without a FileInfo each.
        var entries = new FileSystemEnumerable<ExportEntry>(
            full,
            (ref entry) => new ExportEntry(RelativePath(full, ref entry), entry.Length),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory,
        }.ToList();
        var prefix = RootPrefix(entries.Select(e => e.Path));
        this.root = Path.Combine(full, prefix);
        Entries = [.. entries.Where(e => e.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => e with { Path = e.Path[prefix.Length..] })];
    }

    public override string DisplayName { get; }

    public override IReadOnlyList<ExportEntry> Entries { get; }

    // Unbuffered: the parser reads the whole day file into its own pooled buffer.
    public override Stream Open(ExportEntry entry) =>
        new FileStream(Path.Combine(root, entry.Path), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    public override ExportSource OpenAnother() => this; // stateless: every read opens its own handle

    public override int ReadAll(ExportEntry entry, ref byte[] buffer)
    {
        using var handle = File.OpenHandle(Path.Combine(root, entry.Path));
        var length = RandomAccess.GetLength(handle);
        if (length > buffer.Length)
        {
            Grow(ref buffer, 0, length);
        }

        var total = 0;
        int read;
        while (total < length && (read = RandomAccess.Read(handle, buffer.AsSpan(total, (int)length - total), total)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static string RelativePath(string root, ref FileSystemEntry entry)
    {
        var folder = entry.Directory;
        if (folder.Length <= root.Length)
        {
            return entry.FileName.ToString().Replace('\\', '/'); // a file in the root itself
        }

        var start = Path.EndsInDirectorySeparator(root) ? root.Length : root.Length + 1;
        return string.Concat(folder[start..], "/", entry.FileName).Replace('\\', '/');
    }
}
