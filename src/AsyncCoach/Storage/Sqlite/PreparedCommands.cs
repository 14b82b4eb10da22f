using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Storage.Sqlite;

/// <summary>
/// Commands compiled once and kept on a long-lived connection (the inbox processor's), for the
/// statements that run in every round while the process's write turn is held. Microsoft.Data.Sqlite
/// compiles a statement afresh for every new command (dotnet/efcore#14044); kept, the processor's
/// rounds held the write turn 27 % less time at 1,000 events/s (docs/benchmarks.md). On any other
/// connection <see cref="Rent"/> makes a command for the one call, so the stores' code is the same
/// either way.
/// </summary>
public sealed class PreparedCommands : IDisposable
{
    private static readonly ConditionalWeakTable<SqliteConnection, PreparedCommands> Kept = [];

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private PreparedCommands(SqliteConnection connection) => _connection = connection;

    /// <summary>Keeps compiled commands on <paramref name="connection"/> until the result is disposed (before the connection is).</summary>
    public static PreparedCommands KeepOn(SqliteConnection connection)
    {
        var kept = new PreparedCommands(connection);
        Kept.AddOrUpdate(connection, kept);
        return kept;
    }

    /// <summary>
    /// A command for <paramref name="sql"/> in <paramref name="transaction"/>, its parameters made
    /// by <paramref name="define"/> (the caller sets their values). Dispose the lease after use.
    /// </summary>
    public static Lease Rent(SqliteConnection connection, DbTransaction? transaction, string sql, Action<SqliteParameterCollection> define)
    {
        SqliteCommand command;
        var owned = !Kept.TryGetValue(connection, out var kept);
        if (owned)
        {
            command = Create(connection, sql, define);
        }
        else if (!kept!._commands.TryGetValue(sql, out command!))
        {
            command = Create(connection, sql, define);
            command.Prepare();
            kept._commands.Add(sql, command);
        }

        command.Transaction = (SqliteTransaction?)transaction;
        return new Lease(command, owned);
    }

    public void Dispose()
    {
        Kept.Remove(_connection);
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, Action<SqliteParameterCollection> define)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        define(command.Parameters);
        return command;
    }

    /// <summary>A command from <see cref="Rent"/>: disposed with the lease unless it is kept.</summary>
    public readonly struct Lease(SqliteCommand command, bool owned) : IDisposable
    {
        public SqliteCommand Command { get; } = command;

        public void Dispose()
        {
            if (owned)
            {
                Command.Dispose();
            }
            else
            {
                Command.Transaction = null;
            }
        }
    }
}
