namespace AsyncCoach.Storage;

/// <summary>Where AsyncCoach keeps its state, bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The embedded default: one SQLite file, one process.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>PostgreSQL, shared by several instances.</summary>
    public const string Postgres = "Postgres";

    /// <summary>Which provider keeps the data: <see cref="Sqlite"/> (the default) or <see cref="Postgres"/>, in any case.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The provider's connection string. SQLite: <c>Data Source=</c> a file path, by default a file in the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=asynccoach.db";

    /// <summary>
    /// PostgreSQL only: how long an instance's claim on an outbox row lasts. A row still 'sending'
    /// after it (its instance died mid-call) is ended as interrupted by the next recovery.
    /// Longer than any one send can take, Slack's waits included.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// PostgreSQL only: how long an instance's lease on a conversation partition lasts; it is
    /// renewed every third of it. A dead instance's partitions are taken over this long after its
    /// last renewal, so this bounds how long its conversations wait.
    /// </summary>
    public TimeSpan PartitionLeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How hard a commit waits for the disk. <see cref="SqliteSynchronous.Normal"/> (the default):
    /// a committed event survives a crash of AsyncCoach, and the write-ahead log is synced at
    /// checkpoints, so a power loss can lose the last moments. <see cref="SqliteSynchronous.Full"/>:
    /// every commit is synced before Slack is answered, which costs an fsync per group commit
    /// (see docs/benchmarks.md for what that does to throughput on a given disk).
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>
    /// SQLite only: how often the background checkpoint copies the write-ahead log into the
    /// database file, between 100 ms and 1 minute. A page that several
    /// commits wrote in between (the outbox's and the inbox's hot pages) is read from the log and
    /// copied once per checkpoint, not once per commit.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether <paramref name="provider"/> (as configured) names <paramref name="name"/>; unset names the default, <see cref="Sqlite"/>.</summary>
    public static bool Names(string? provider, string name) =>
        string.Equals(string.IsNullOrWhiteSpace(provider) ? Sqlite : provider.Trim(), name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that are safe with write-ahead logging.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
