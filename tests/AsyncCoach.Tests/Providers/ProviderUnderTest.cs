using AsyncCoach.Storage;
using AsyncCoach.Storage.Postgres;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Providers;

/// <summary>
/// One storage provider, registered as the service registers it, on a database of the test's own
/// and migrated: the parameterised store suites run the same tests against each.
/// </summary>
public sealed class ProviderUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempPostgresDatabase? _postgres;
    private string? _sqliteFile;

    private ProviderUnderTest(ServiceProvider services, TempPostgresDatabase? postgres)
    {
        _services = services;
        _postgres = postgres;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>True when the provider under test is PostgreSQL (for SQL the two dialects write differently).</summary>
    public bool IsPostgres => _postgres is not null;

    /// <summary>An instant as a SQL literal both providers read (SQLite's stored text; PostgreSQL parses it as a timestamptz).</summary>
    public static string At(DateTimeOffset instant) => $"'{StoredInstant.Format(instant)}'";

    /// <summary>
    /// Runs plain SQL (literals only, valid on both providers) on the test's database, for rows
    /// another store writes; returns the first column of the first row as a number, if any.
    /// </summary>
    public async Task<long?> ExecuteAsync(string sql)
    {
        if (_postgres is not null)
        {
            await using var connection = new Npgsql.NpgsqlConnection(_postgres.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            return await command.ExecuteScalarAsync() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_sqliteFile};Pooling=False");
        await sqlite.OpenAsync();
        await using var sqliteCommand = sqlite.CreateCommand();
        sqliteCommand.CommandText = sql;
        return await sqliteCommand.ExecuteScalarAsync() is { } result and not DBNull ? Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public static async Task<ProviderUnderTest> CreateAsync(string provider, FakeTimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        switch (provider)
        {
            case "Postgres":
                var server = await PostgresServer.GetAsync();
                var database = await server.CreateDatabaseAsync("suite");
                services.AddOptions<StorageOptions>().Configure(o => (o.Provider, o.ConnectionString) = ("postgres", database.ConnectionString));
                services.AddPostgresStorage();
                var built = new ProviderUnderTest(services.BuildServiceProvider(), database);
                await built.Get<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
                // The only instance: it leases every conversation partition, so its processor claims every row.
                await built.Get<PartitionLeaseKeeper>().RenewOnceAsync(CancellationToken.None);
                await built.Get<PartitionOwnership>().RefreshAsync(CancellationToken.None);
                return built;
            case "Sqlite":
                var path = TestFiles.NewDatabase("suite");
                services.AddOptions<StorageOptions>().Configure(o => o.ConnectionString = $"Data Source={path}");
                services.AddSqliteStorage();
                var sqlite = new ProviderUnderTest(services.BuildServiceProvider(), null) { _sqliteFile = path };
                await sqlite.Get<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
                return sqlite;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Sqlite or Postgres");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_sqliteFile is not null)
        {
            TempSqliteFile.Delete(_sqliteFile);
        }
    }
}
