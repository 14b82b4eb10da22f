using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AsyncCoach.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL server per test run: <c>initdb</c> into a temp folder, <c>pg_ctl
/// start</c> on 127.0.0.1 on a free port with its unix socket in that folder and trust auth for
/// the test user; started on first use, stopped and deleted when the run ends
/// (<see cref="PostgresRun"/>). Each test takes a database of its own
/// (<see cref="CreateDatabaseAsync"/>). The binaries are found through
/// <c>ASYNCCOACH_TEST_PG_BIN</c>, else the newest <c>/usr/lib/postgresql/*/bin</c>, else PATH.
/// Without them a test that needs the server is ignored with one line, unless
/// <c>ASYNCCOACH_TEST_PG_REQUIRED=1</c> (CI), where it fails.
/// As root (CI runs as root, and initdb refuses root) the server runs as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer
{
    private const string User = "asynccoach";
    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static PostgresServer? _instance;
    private static string? _unavailable;
    private static int _databases;

    private readonly string _bin;
    private readonly string _root;
    private readonly string? _runAs;
    private readonly bool _durable;

    private PostgresServer(string bin, string root, string? runAs, int port, bool durable = false)
    {
        _durable = durable;
        _bin = bin;
        _root = root;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The server, started if this is the first call; ignores (or in CI fails) the calling test without PostgreSQL.</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        await StartGate.WaitAsync();
        try
        {
            if (_instance is null && _unavailable is null)
            {
                try
                {
                    _instance = await StartAsync();
                }
                catch (PostgresUnavailableException ex)
                {
                    _unavailable = ex.Message;
                }
            }
        }
        finally
        {
            StartGate.Release();
        }

        if (_instance is not null)
        {
            return _instance;
        }

        if (Environment.GetEnvironmentVariable("ASYNCCOACH_TEST_PG_REQUIRED") == "1")
        {
            Assert.Fail($"PostgreSQL is required here (ASYNCCOACH_TEST_PG_REQUIRED=1) but: {_unavailable}");
        }

        Assert.Ignore($"PostgreSQL not installed: {_unavailable}");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A new, empty database of the test's own; dropped when the returned value is disposed.</summary>
    public async Task<TempPostgresDatabase> CreateDatabaseAsync(string name)
    {
        var database = $"{new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)])}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TempPostgresDatabase(this, database, ConnectionString(database, pooling: true));
    }

    internal async Task DropDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private string ConnectionString(string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = User,
            Database = database,
            Pooling = pooling,
            // Many short-lived test databases: idle pooled connections go quickly.
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ConnectionString;

    /// <summary>Stops the server and deletes its folder (at the end of the run).</summary>
    public static void StopIfStarted()
    {
        var server = Interlocked.Exchange(ref _instance, null);
        if (server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        server.StopAndDelete();
    }

    private static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = FindBinaries();
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var root = Path.Combine(Path.GetTempPath(), $"asynccoach-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        // The folder is the server user's workspace too (as root, that user is postgres).
        if (OperatingSystem.IsWindows())
        {
            throw new PostgresUnavailableException("the test server is started on Linux and macOS only");
        }

        Directory.CreateDirectory(root);
        // Set after creation: the mode given to CreateDirectory is narrowed by the umask.
        File.SetUnixFileMode(root, runAs is null
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            : (UnixFileMode)0x1FF);
        var server = new PostgresServer(bin, root, runAs, FreePort(), durable);
        try
        {
            server.Run("initdb", ["-D", server.DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
            server.Start();
        }
        catch (PostgresUnavailableException)
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
        catch (Exception ex)
        {
            var log = Path.Combine(root, "server.log");
            var tail = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
            Directory.Delete(root, recursive: true);
            throw new InvalidOperationException($"PostgreSQL did not start: {ex.Message}\n{tail}", ex);
        }

        return server;
    }

    /// <summary>
    /// A server of the caller's own (its own folder and port), for a test that stops and starts it
    /// (<see cref="StopImmediately"/>, <see cref="Start"/>) without touching the run's shared one;
    /// disposing it stops it and deletes its folder. Ignored (or in CI failed) like the shared one.
    /// </summary>
    public static async Task<OwnPostgresServer> StartOwnAsync()
    {
        // The shared server's start tells whether PostgreSQL is here at all (and ignores the test if not).
        await GetAsync();
        return new OwnPostgresServer(await StartAsync(durable: true));
    }

    /// <summary>
    /// Starts the stopped server again, on the same folder and port. A test's own server commits
    /// synchronously (what it stops at once must not lose what was committed: the WAL is written
    /// before a commit returns; fsync stays off, the files outlive the process in the page cache).
    /// </summary>
    public void Start() =>
        Run("pg_ctl", [
            "start", "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(_root, "server.log"),
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_root} -c fsync=off -c synchronous_commit={(_durable ? "on" : "off")} -c full_page_writes=off -c max_connections=300",
        ]);

    /// <summary>Stops the server at once, as a crash or a lost network would: every connection to it breaks.</summary>
    public void StopImmediately() => Run("pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w"]);

    internal void StopAndDelete()
    {
        try
        {
            StopImmediately();
        }
        catch (InvalidOperationException)
        {
            // Already stopped (the test stopped it): the folder goes all the same.
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("ASYNCCOACH_TEST_PG_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new PostgresUnavailableException($"ASYNCCOACH_TEST_PG_BIN={configured} has no initdb");
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (installed is not null)
        {
            return installed;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
        return onPath ?? throw new PostgresUnavailableException("no initdb/pg_ctl in ASYNCCOACH_TEST_PG_BIN, /usr/lib/postgresql/*/bin or PATH");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string tool, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        if (_runAs is null)
        {
            start.FileName = Path.Combine(_bin, tool);
        }
        else
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", _runAs, "--", Path.Combine(_bin, tool)])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        // Read both streams to their end before waiting, so a full pipe never blocks the tool.
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {error.Result}{output}");
        }
    }

    private sealed class PostgresUnavailableException(string message) : Exception(message);
}

/// <summary>A throwaway server of one test's own (<see cref="PostgresServer.StartOwnAsync"/>): stopped and deleted when disposed.</summary>
public sealed class OwnPostgresServer(PostgresServer server) : IDisposable
{
    public PostgresServer Server { get; } = server;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Server.StopAndDelete();
    }
}

/// <summary>A database of one test's own on the run's <see cref="PostgresServer"/>.</summary>
public sealed class TempPostgresDatabase(PostgresServer server, string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await server.DropDatabaseAsync(Name);
    }
}
