using Npgsql;

namespace AsyncCoach.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL database: one pooled <see cref="NpgsqlDataSource"/> for the process.
/// Every connection is a unit of work's own (opened, used, returned to the pool).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;

    public PostgresDatabase(string connectionString)
    {
        _connectionString = connectionString;
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

    /// <summary>A pooled connection opened synchronously, for callers that cannot await (the metrics' gauges).</summary>
    public NpgsqlConnection Open() => _dataSource.OpenConnection();

    /// <summary>
    /// A connection of its own, outside the pool, for a session that waits (LISTEN): a keepalive
    /// query every <paramref name="keepAlive"/> while idle, so a connection that died silently
    /// fails the wait instead of leaving it waiting for ever. The caller disposes the source.
    /// </summary>
    public NpgsqlDataSource ListenerSource(TimeSpan keepAlive)
    {
        var builder = new NpgsqlSlimDataSourceBuilder(_connectionString);
        builder.ConnectionStringBuilder.Pooling = false;
        builder.ConnectionStringBuilder.KeepAlive = (int)Math.Ceiling(keepAlive.TotalSeconds);
        builder.EnableTransportSecurity();
        return builder.Build();
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
