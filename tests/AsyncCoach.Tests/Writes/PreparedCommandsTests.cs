using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AsyncCoach.Tests.Writes;

/// <summary>
/// Compiled commands are kept only on a connection that asked for it, survive its transactions,
/// and are gone once the kept set is disposed.
/// </summary>
public sealed class PreparedCommandsTests
{
    private const string Sql = "SELECT count(*) FROM inbox WHERE event_type = @Type";

    private TempSqliteFile _file = null!;
    private SqliteConnection _connection = null!;

    [SetUp]
    public async Task OpenConnection()
    {
        _file = new TempSqliteFile("prepared-commands");
        _file.Migrate();
        _connection = await _file.Database.OpenAsync(CancellationToken.None);
    }

    [TearDown]
    public void DeleteDatabase()
    {
        _connection.Dispose();
        _file.Dispose();
    }

    [Test]
    public async Task A_kept_connection_reuses_one_command_across_transactions()
    {
        using var kept = PreparedCommands.KeepOn(_connection);

        var first = await CountInWriteAsync();
        var second = await CountInWriteAsync();

        Assert.That(second.Command, Is.SameAs(first.Command));
        Assert.That(first.Count, Is.EqualTo(0));
        Assert.That(second.Count, Is.EqualTo(1), "the reused command sees the row the first transaction wrote");
    }

    [Test]
    public async Task Any_other_connection_gets_a_command_for_the_one_call()
    {
        var first = await CountInWriteAsync();
        var second = await CountInWriteAsync();

        Assert.That(second.Command, Is.Not.SameAs(first.Command));
        Assert.That(second.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Once_the_kept_set_is_disposed_commands_are_no_longer_kept()
    {
        var kept = PreparedCommands.KeepOn(_connection);
        var before = await CountInWriteAsync();
        kept.Dispose();

        var after = await CountInWriteAsync();

        Assert.That(after.Command, Is.Not.SameAs(before.Command));
        Assert.That(after.Count, Is.EqualTo(1));
    }

    // Counts the rows of one type, then adds one, in a write transaction on the test's connection.
    private async Task<(SqliteCommand Command, long Count)> CountInWriteAsync()
    {
        await using var write = await _file.Database.BeginWriteAsync(_connection, CancellationToken.None);
        SqliteCommand command;
        long count;
        using (var lease = PreparedCommands.Rent(write.Connection, write.Transaction, Sql, static p => p.Add("@Type", SqliteType.Text)))
        {
            command = lease.Command;
            command.Parameters[0].Value = "message";
            count = (long)command.ExecuteScalar()!;
        }

        await using var insert = write.Connection.CreateCommand();
        insert.Transaction = write.Transaction;
        insert.CommandText = "INSERT INTO inbox (event_id, team_id, event_type, received_at, payload) VALUES ($id, 'T1', 'message', '2026-11-25T00:00:00Z', x'00')";
        insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString("N"));
        await insert.ExecuteNonQueryAsync();
        await write.CommitAsync(CancellationToken.None);
        return (command, count);
    }
}
