using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests;

/// <summary>
/// Every file a test run writes goes in one folder of its own, deleted when the run ends, so a run
/// leaves nothing behind in the temp folder (it left thousands of databases and key rings before).
/// A test still deletes its own files when it can; this catches the rest.
/// </summary>
[SetUpFixture]
public sealed class TestFiles
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"asynccoach-tests-{Environment.ProcessId}");

    /// <summary>A path for a new SQLite file in this run's folder (not created).</summary>
    public static string NewDatabase(string name)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"{name}-{Guid.NewGuid():N}.db");
    }

    [OneTimeTearDown]
    public void DeleteRunFolder()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
