using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL database: one pooled <see cref="NpgsqlDataSource"/> for the process.
/// Every connection is a unit of work's own (opened, used, returned to the pool).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString)
    {
        // The slim builder: only the type mappings used here (arrays for batches), AOT-friendly;
        // TLS stays available for a managed server.
        var builder = new NpgsqlSlimDataSourceBuilder(connectionString);
        // The processor's session runs the same few statements every round: prepared on the
        // server after a few uses, unless the connection string says otherwise.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        Description = $"PostgreSQL {builder.ConnectionStringBuilder.Host}:{builder.ConnectionStringBuilder.Port}/{builder.ConnectionStringBuilder.Database}";
        builder.EnableArrays();
        builder.EnableTransportSecurity();
        _dataSource = builder.Build();
    }

    /// <summary>Server and database, never a password.</summary>
    public string Description { get; }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
