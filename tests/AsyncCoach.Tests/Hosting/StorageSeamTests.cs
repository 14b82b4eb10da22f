using System.Text.RegularExpressions;
using AsyncCoach.Storage.Sqlite;

namespace AsyncCoach.Tests.Hosting;

/// <summary>
/// The host meets storage only through the interfaces in <c>Storage/</c>: SQLite's types, its
/// library and its machinery stay in <c>Storage/Sqlite/</c>, so a second provider is a folder and
/// a registration, not edits all over the host. This scans the service's source for any mention
/// of them outside that folder.
/// </summary>
public sealed class StorageSeamTests
{
    /// <summary>The files allowed to name the SQLite provider, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        [Path.Combine("Hosting", "StorageServices.cs")] = "registers the provider Storage:Provider names (AddSqliteStorage)",
        [Path.Combine("Cli", "ServeCommand.cs")] = "starts loading SQLite on another core before the configuration is read (StorageWarmup)",
    };

    [Test]
    public void Nothing_outside_Storage_Sqlite_names_SQLite_s_library_or_the_SQLite_provider_s_types()
    {
        var sqliteTypes = typeof(SqliteDatabase).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SqliteDatabase).Namespace && !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.Name.Split('`')[0])
            .ToHashSet(StringComparer.Ordinal);
        var forbidden = new Regex(
            @"Microsoft\.Data\.Sqlite|SQLitePCL|AsyncCoach\.Storage\.Sqlite|(?<![\w.])(" + string.Join('|', sqliteTypes) + @")\b",
            RegexOptions.CultureInvariant);

        var root = Path.Combine(RepositoryRoot(), "src", "AsyncCoach");
        var found = new List<string>();
        var scanned = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)
                || relative.StartsWith(Path.Combine("Storage", "Sqlite") + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || Allowed.ContainsKey(relative))
            {
                continue;
            }

            scanned++;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (forbidden.Match(lines[i]) is { Success: true } match)
                {
                    found.Add($"{relative}:{i + 1}: {match.Value}");
                }
            }
        }

        Assert.That(sqliteTypes, Does.Contain(nameof(SqliteDatabase)).And.Contain(nameof(InboxStore)).And.Contain(nameof(PreparedCommands)),
            "the scan knows the SQLite provider's types");
        Assert.That(scanned, Is.GreaterThan(100), "the scan read the service's source");
        Assert.That(found, Is.Empty, "use the interfaces in Storage/ (or move the code to Storage/Sqlite/)");
    }

    [Test]
    public void The_files_allowed_to_name_the_SQLite_provider_still_exist_and_still_need_to()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "AsyncCoach");
        foreach (var (file, why) in Allowed)
        {
            var text = File.ReadAllText(Path.Combine(root, file));
            Assert.That(text, Does.Contain("AsyncCoach.Storage.Sqlite"), $"{file} no longer needs its exception ({why}): remove it from the list");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AsyncCoach.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AsyncCoach.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
