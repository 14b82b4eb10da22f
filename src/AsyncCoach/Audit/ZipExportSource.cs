using System.IO.Compression;

namespace AsyncCoach.Audit;

/// <summary>A zipped export; entries are inflated one at a time, never extracted to disk.</summary>
internal sealed class ZipExportSource : ExportSource
{
    private readonly ZipArchive archive;
    private readonly Dictionary<string, ZipArchiveEntry> byPath = new(StringComparer.Ordinal);
    private readonly string prefix;

    private readonly string path;

    public ZipExportSource(string path)
    {
        this.path = path;
        DisplayName = path;
        archive = ZipFile.OpenRead(path);
        var entries = new List<ExportEntry>();
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue; // folder entry
            }

            var name = entry.FullName.Replace('\\', '/');
            byPath[name] = entry;
            entries.Add(new ExportEntry(name, entry.Length));
        }

        var prefix = RootPrefix(byPath.Keys);
        Entries = [.. entries.Where(e => e.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => e with { Path = e.Path[prefix.Length..] })];
        this.prefix = prefix;
    }

    public override string DisplayName { get; }

    public override IReadOnlyList<ExportEntry> Entries { get; }

    public override Stream Open(ExportEntry entry)
    {
        try
        {
            return byPath[prefix + entry.Path].Open();
        }
        catch (InvalidDataException ex)
        {
            throw new ExportFormatException($"{DisplayName}!{entry.Path}: corrupt zip entry ({ex.Message})", ex);
        }
    }

    public override ExportSource OpenAnother() => new ZipExportSource(path);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            archive.Dispose();
        }

        base.Dispose(disposing);
    }
}
