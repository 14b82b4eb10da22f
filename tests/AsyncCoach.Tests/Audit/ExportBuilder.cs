using System.IO.Compression;

namespace AsyncCoach.Tests.Audit;

/// <summary>Writes a Slack export layout into a fresh temp folder; deletes it on dispose.</summary>
internal sealed class ExportBuilder : IDisposable
{
    public ExportBuilder()
    {
        Root = Path.Combine(Path.GetTempPath(), $"asynccoach-export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static string FixturePath(params string[] parts) =>
        Path.Combine([TestContext.CurrentContext.TestDirectory, "Fixtures", "export-sample", .. parts]);

    public ExportBuilder File(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return this;
    }

    public ExportBuilder CopyFixture(string fixture, string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.Copy(FixturePath(fixture.Split('/')), path);
        return this;
    }

    /// <summary>Zips the folder (entries relative to the root) next to it and returns the zip's path.</summary>
    public string Zip(string? topFolder = null)
    {
        var zip = Root + ".zip";
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(Root, file).Replace('\\', '/');
            archive.CreateEntryFromFile(file, topFolder is null ? name : $"{topFolder}/{name}");
        }

        return zip;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        System.IO.File.Delete(Root + ".zip");
    }
}
