namespace AsyncCoach.Audit;

/// <summary>An extracted export: every read opens its own file handle.</summary>
internal sealed class FolderExportSource : ExportSource
{
    private readonly string root;

    public FolderExportSource(string root)
    {
        var full = Path.GetFullPath(root);
        DisplayName = root;
        var entries = new DirectoryInfo(full)
            .EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => new ExportEntry(Path.GetRelativePath(full, f.FullName).Replace('\\', '/'), f.Length))
            .ToList();
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
}
