using System.Text;
using AsyncCoach.Inbox;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsyncCoach.Tests.Inbox;

/// <summary>
/// The inbox's group commit on a real SQLite file: an event is acknowledged only once the
/// transaction holding it is committed, events that queue behind a write go into the next one,
/// a failed write fails exactly its own events, and stopping writes what was accepted.
/// </summary>
public sealed class InboxWriterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TempSqliteFile _file = null!;
    private InboxWriter _writer = null!;

    [SetUp]
    public async Task StartWriter()
    {
        _file = new TempSqliteFile("inbox-writer");
        _file.Migrate();
        _writer = new InboxWriter(_file.Database, new InboxSignal(), NullLogger<InboxWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task StopWriter()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        _file.Dispose();
    }

    [Test]
    public async Task A_lone_event_is_stored_by_the_time_it_is_acknowledged()
    {
        var result = await _writer.AddAsync(Entry("EvLone"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(InboxAddResult.Added));
        Assert.That(await EventIdsAsync(), Is.EqualTo(new[] { "EvLone" }));
    }

    [Test]
    public async Task Events_that_queue_behind_a_held_write_are_acknowledged_only_once_committed()
    {
        Task<InboxAddResult>[] adds;
        using (await _file.Database.TakeWriteTurnAsync(CancellationToken.None))
        {
            adds = [.. Enumerable.Range(0, 10).Select(i => _writer.AddAsync(Entry($"EvQueued{i}"), CancellationToken.None))];
            Assert.That(adds.Where(a => a.IsCompleted), Is.Empty, "acknowledged before the write could happen");
        }

        var results = await Task.WhenAll(adds).WaitAsync(Patience);

        Assert.That(results, Is.All.EqualTo(InboxAddResult.Added));
        Assert.That(await EventIdsAsync(), Is.EquivalentTo(Enumerable.Range(0, 10).Select(i => $"EvQueued{i}")));
    }

    [Test]
    public async Task A_second_delivery_in_the_same_batch_is_a_duplicate()
    {
        Task<InboxAddResult> first, second;
        using (await _file.Database.TakeWriteTurnAsync(CancellationToken.None))
        {
            first = _writer.AddAsync(Entry("EvTwice"), CancellationToken.None);
            second = _writer.AddAsync(Entry("EvTwice"), CancellationToken.None);
        }

        Assert.That(await first.WaitAsync(Patience), Is.EqualTo(InboxAddResult.Added));
        Assert.That(await second.WaitAsync(Patience), Is.EqualTo(InboxAddResult.Duplicate));
        Assert.That(await EventIdsAsync(), Is.EqualTo(new[] { "EvTwice" }));
    }

    [Test]
    public async Task A_failed_write_fails_its_events_and_the_next_write_goes_through()
    {
        await TestDatabase.ExecuteAsync(_file.Path, "CREATE TRIGGER refuse BEFORE INSERT ON inbox BEGIN SELECT RAISE(ABORT, 'disk refused'); END;");

        var failure = await Assert.ThrowsAsync<SqliteException>(() => _writer.AddAsync(Entry("EvRefused"), CancellationToken.None));
        Assert.That(failure!.Message, Does.Contain("disk refused"));

        await TestDatabase.ExecuteAsync(_file.Path, "DROP TRIGGER refuse;");
        var retried = await _writer.AddAsync(Entry("EvRefused"), CancellationToken.None).WaitAsync(Patience);

        Assert.That(retried, Is.EqualTo(InboxAddResult.Added));
        Assert.That(await EventIdsAsync(), Is.EqualTo(new[] { "EvRefused" }));
    }

    [Test]
    public async Task Stopping_writes_every_accepted_event_and_refuses_new_ones()
    {
        Task<InboxAddResult>[] adds;
        Task stopping;
        using (await _file.Database.TakeWriteTurnAsync(CancellationToken.None))
        {
            adds = [.. Enumerable.Range(0, 3).Select(i => _writer.AddAsync(Entry($"EvAccepted{i}"), CancellationToken.None))];
            stopping = _writer.StopAsync(CancellationToken.None);

            Assert.That(stopping.IsCompleted, Is.False, "stopped before the accepted events were written");
        }

        await stopping.WaitAsync(Patience);

        // Written by the time the stop completes; each request's own task follows a moment later
        // (its acknowledgement continues asynchronously), so it is awaited, not inspected.
        Assert.That(await EventIdsAsync(), Has.Count.EqualTo(3));
        Assert.That(await Task.WhenAll(adds).WaitAsync(Patience), Is.All.EqualTo(InboxAddResult.Added));
        Assert.Throws<InvalidOperationException>(() => _writer.AddAsync(Entry("EvLate"), CancellationToken.None));
    }

    [Test]
    public async Task A_writer_stopped_before_its_loop_ran_still_writes_what_it_accepted()
    {
        // Since .NET 10 the loop starts on the thread pool, and not at all if the stop comes first.
        using var unstarted = new InboxWriter(_file.Database, new InboxSignal(), NullLogger<InboxWriter>.Instance);
        var adds = Enumerable.Range(0, 3).Select(i => unstarted.AddAsync(Entry($"EvEarly{i}"), CancellationToken.None)).ToArray();

        await unstarted.StopAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.That(await EventIdsAsync(), Is.EquivalentTo(Enumerable.Range(0, 3).Select(i => $"EvEarly{i}")));
        Assert.That(await Task.WhenAll(adds).WaitAsync(Patience), Is.All.EqualTo(InboxAddResult.Added));
    }

    private static InboxEntry Entry(string eventId) =>
        new(eventId, "T0001", "C0001", "message", DateTimeOffset.UnixEpoch, Encoding.UTF8.GetBytes($$"""{"event_id":"{{eventId}}"}"""));

    private async Task<List<string>> EventIdsAsync() =>
        [.. (await TestDatabase.InboxAsync(_file.Path)).Select(r => r.EventId)];
}
