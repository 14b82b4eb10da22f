using System.Text;
using System.Text.Json;
using AsyncCoach.Slack.Events;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Benchmarks;

/// <summary>
/// Two steps of every event, each in the form it had and the form it has now, too small for the
/// load test to tell apart on this machine: reading a body on acknowledgement (the whole envelope,
/// or only the head the acknowledgement needs), and marking a round of 50 processed rows done (one
/// statement per row, or one for the round). The marking runs on a real SQLite file with the
/// service's settings (write-ahead log, secure_delete), 10,000 finished rows before the round's,
/// inside a transaction that is rolled back, so every invocation marks the same pending rows.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AcknowledgementBenchmarks
{
    private const int RoundSize = 50;

    // The load script's body, as Slack sends a channel message.
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"token":"x","team_id":"T3LOAD","api_app_id":"A0LOAD","type":"event_callback","event_id":"EvLoad12345678901","event_time":1764000000,"event":{"type":"message","channel":"C000117","channel_type":"channel","user":"U001234","text":"can we hop on a call about the schema change?","ts":"1764000000.123456","event_ts":"1764000000.123456","client_msg_id":"7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b"},"authorizations":[{"team_id":"T3LOAD","user_id":"U0BOT","is_bot":true}]}""");

    private string _directory = "";
    private SqliteConnection _connection = null!;
    private PreparedCommands _prepared = null!;
    private InboxOutcome[] _round = [];
    private readonly string _at = StoredInstant.Format(DateTimeOffset.UnixEpoch.AddYears(56));

    [GlobalSetup]
    public void CreateInbox()
    {
        _directory = Directory.CreateTempSubdirectory("asynccoach-bench-").FullName;
        var database = new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_directory, "bench.db")}" }));
        _connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        SqliteDatabase.EnableWalAsync(_connection, CancellationToken.None).GetAwaiter().GetResult();
        DatabaseMigrator.Migrate(_connection);
        using (var fill = _connection.BeginTransaction())
        {
            using var insert = _connection.CreateCommand();
            insert.Transaction = fill;
            insert.CommandText = """
                INSERT INTO inbox (event_id, team_id, channel_id, event_type, received_at, payload, state)
                VALUES ($id, 'T3LOAD', 'C000117', 'message', '2026-11-25T10:00:00.0000000Z', $payload, $state)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
            var state = insert.Parameters.Add("$state", SqliteType.Text);
            for (var i = 0; i < 10_000 + RoundSize; i++)
            {
                var pending = i >= 10_000;
                id.Value = $"EvBench{i}";
                payload.Value = pending ? Body : DBNull.Value;
                state.Value = pending ? "pending" : "done";
                insert.ExecuteNonQuery();
            }

            fill.Commit();
        }

        _prepared = PreparedCommands.KeepOn(_connection);
        using var claim = new SqliteSession(database, database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult());
        _round = [.. new InboxStore(database).ClaimPendingAsync(claim, RoundSize, CancellationToken.None).GetAwaiter().GetResult()
            .Select(r => new InboxOutcome(r.Id, null))];
        if (_round.Length != RoundSize)
        {
            throw new InvalidOperationException($"expected {RoundSize} pending rows, found {_round.Length}");
        }
    }

    [GlobalCleanup]
    public void DeleteInbox()
    {
        _prepared.Dispose();
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("read")]
    public string? Read_the_whole_envelope() =>
        JsonSerializer.Deserialize(Body, SlackEventsJsonContext.Default.EventEnvelope)!.Event!.Channel;

    [Benchmark]
    [BenchmarkCategory("read")]
    public string? Read_the_head() =>
        JsonSerializer.Deserialize(Body, SlackEventsJsonContext.Default.EventEnvelopeHead)!.Event!.Channel;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("mark")]
    public void Mark_a_round_done_row_by_row()
    {
        using var transaction = _connection.BeginTransaction();
        InboxStore.MarkEach(_connection, transaction, _round, _at, CancellationToken.None);
        transaction.Rollback();
    }

    [Benchmark]
    [BenchmarkCategory("mark")]
    public void Mark_a_round_done_in_one_statement()
    {
        using var transaction = _connection.BeginTransaction();
        InboxStore.MarkRangeDone(_connection, transaction, _round, _at);
        transaction.Rollback();
    }
}
