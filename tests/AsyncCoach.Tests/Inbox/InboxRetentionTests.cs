using System.Net;
using AsyncCoach.Inbox;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCoach.Tests.Inbox;

/// <summary>Finished inbox rows are deleted once past their retention; pending rows never are.</summary>
public sealed class InboxRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private TempSqliteFile _file = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _file = new TempSqliteFile("retention");
        _file.Migrate();
    }

    [TearDown]
    public void DeleteDatabase() => _file.Dispose();

    [Test]
    public async Task Only_finished_rows_past_their_retention_are_deleted()
    {
        // In arrival order, as the inbox writes them.
        await InsertAsync("EvPending", "pending", Now.AddDays(-30));
        await InsertAsync("EvFailedLongAgo", "failed", Now.AddDays(-8));
        await InsertAsync("EvDoneLongAgo", "done", Now.AddDays(-3));
        await InsertAsync("EvFailedRecently", "failed", Now.AddDays(-3));
        await InsertAsync("EvDoneYesterday", "done", Now.AddDays(-1));

        var deleted = await Retention(new InboxOptions()).PurgeAsync(CancellationToken.None);

        Assert.That(deleted, Is.EqualTo(2));
        Assert.That(await EventIdsAsync(), Is.EqualTo(new[] { "EvPending", "EvFailedRecently", "EvDoneYesterday" }),
            "defaults: processed rows kept 2 days, failed rows 7, pending rows always");
    }

    [Test]
    public async Task The_retention_periods_come_from_the_options()
    {
        await InsertAsync("EvDone3h", "done", Now.AddHours(-3));
        await InsertAsync("EvFailed3h", "failed", Now.AddHours(-3));
        await InsertAsync("EvDone1h", "done", Now.AddHours(-1));

        var deleted = await Retention(new InboxOptions { KeepProcessedFor = TimeSpan.FromHours(2), KeepFailedFor = TimeSpan.FromHours(4) })
            .PurgeAsync(CancellationToken.None);

        Assert.That(deleted, Is.EqualTo(1));
        Assert.That(await EventIdsAsync(), Is.EqualTo(new[] { "EvFailed3h", "EvDone1h" }));
    }

    [Test]
    public async Task A_backlog_larger_than_one_window_is_deleted_in_full()
    {
        var old = InboxRetention.WindowSize * 2 + 17;
        await InsertManyAsync("EvOld", old, Now.AddDays(-10));
        await InsertAsync("EvKeptPending", "pending", Now.AddDays(-10));
        await InsertManyAsync("EvRecent", 5, Now.AddHours(-1));

        var deleted = await Retention(new InboxOptions()).PurgeAsync(CancellationToken.None);

        Assert.That(deleted, Is.EqualTo(old));
        Assert.That(await EventIdsAsync(), Is.EqualTo(new[] { "EvKeptPending" }.Concat(Enumerable.Range(0, 5).Select(i => $"EvRecent{i}"))));
    }

    [Test]
    public async Task An_empty_inbox_is_a_no_op()
    {
        Assert.That(await Retention(new InboxOptions()).PurgeAsync(CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task The_service_deletes_a_processed_event_on_its_timer_once_past_retention()
    {
        await using var factory = new AsyncCoachFactory().With("Inbox:KeepProcessedFor", "00:10:00");
        using var client = factory.CreateRealClient();
        using var response = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvRetained")));
        await factory.Processed.WaitForAsync(1);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var retention = factory.Services.GetRequiredService<InboxRetention>();

        // The first run comes one interval after start: exactly at the retention's edge, so it
        // may or may not see the row as old enough; the second, an interval later, must delete it.
        var first = retention.NextRun;
        factory.Time.Advance(InboxRetention.Interval + TimeSpan.FromMinutes(1));
        var deletedFirst = await first.WaitAsync(TimeSpan.FromSeconds(15));
        var second = retention.NextRun;
        factory.Time.Advance(InboxRetention.Interval - TimeSpan.FromMinutes(1));
        var deletedSecond = await second.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.That(deletedFirst + deletedSecond, Is.EqualTo(1));
        Assert.That(await TestDatabase.InboxAsync(factory.DatabasePath), Is.Empty);

        // A retry of a deleted event is a new delivery again: that is what the retention trades.
        using var retry = await client.SendAsync(factory.SignedRequest("/slack/events", Payloads.MessageEvent("EvRetained")));
        await factory.Processed.WaitForAsync(2);
        Assert.That((await TestDatabase.InboxAsync(factory.DatabasePath)).Select(r => r.EventId), Is.EqualTo(new[] { "EvRetained" }));
        factory.DeleteDatabase();
    }

    private InboxRetention Retention(InboxOptions options) =>
        new(
            new InboxStore(_file.Database),
            new DatabaseReadiness(),
            new FakeTimeProvider(Now),
            Options.Create(options),
            new AsyncCoach.Observability.AsyncCoachMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<InboxRetention>.Instance);

    private async Task InsertAsync(string eventId, string state, DateTimeOffset receivedAt)
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await connection.ExecuteAsync(
            "INSERT INTO inbox (event_id, team_id, event_type, received_at, state) VALUES (@EventId, 'T1', 'message', @ReceivedAt, @State)",
            new { EventId = eventId, ReceivedAt = StoredInstant.Format(receivedAt), State = state });
    }

    private async Task InsertManyAsync(string prefix, int count, DateTimeOffset receivedAt)
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO inbox (event_id, team_id, event_type, received_at, state) VALUES (@EventId, 'T1', 'message', @ReceivedAt, 'done')",
            Enumerable.Range(0, count).Select(i => new { EventId = $"{prefix}{i}", ReceivedAt = StoredInstant.Format(receivedAt.AddMilliseconds(i)) }),
            transaction);
        await transaction.CommitAsync();
    }

    private async Task<List<string>> EventIdsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        return (await connection.QueryAsync<string>("SELECT event_id FROM inbox ORDER BY id")).AsList();
    }
}
