using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Loads SQLite (the native library, Microsoft.Data.Sqlite's first open and command, their JIT)
/// on a thread of its own while the host is still being built, so the migration that follows
/// does not pay for it. In memory only: no file is touched before the settings are validated.
/// A failure here is ignored: the migration opens SQLite itself and reports it, whereas an
/// exception on this thread would end the process.
/// </summary>
public static class StorageWarmup
{
    public static void Start() =>
        new Thread(() =>
        {
            try
            {
                WarmUp();
            }
            catch (Exception)
            {
                // An optimisation only: the migration meets, and reports, the same failure.
            }
        })
        {
            IsBackground = true,
            Name = "Storage warm-up",
        }.Start();

    private static void WarmUp()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; SELECT 1;";
        command.ExecuteScalar();
    }
}
