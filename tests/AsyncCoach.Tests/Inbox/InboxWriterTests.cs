using System.Text;
using AsyncCoach.Inbox;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Tests.Inbox;

/// <summary>
/// The inbox's group commit over a real journal beside a real SQLite file: an event is
/// acknowledged only once the write holding it is done, events that queue behind a held write go
/// into the next one, a failed write fails exactly its own events, and stopping writes what was
/// accepted. What is durable is read back the way a restart reads it, by a second journal.
/// </summary>
public sealed class InboxWriterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private TempSqliteFile _file = null!;
    private DatabaseReadiness _readiness = null!;
    private InboxJournal _journal = null!;
    private InboxWriter _writer = null!;

    [SetUp]
    public async Task StartWriter()
    {
        _file = new TempSqliteFile("inbox-writer");
        _file.Migrate();
        // Not migrated yet as far as the writer knows: its first write waits (a held write) until
        // the test says so.
        _readiness = new DatabaseReadiness();
        _journal = NewJournal();
        _writer = new InboxWriter(new JournalAppender(_journal), new InboxSignal(), NullLogger<InboxWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task StopWriter()
    {
        _readiness.SetMigrated();
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        _journal.Dispose();
        _file.Dispose();
    }

    [Test]
    public async Task A_lone_event_is_durable_by_the_time_it_is_acknowledged()
    {
        _readiness.SetMigrated();

        await _writer.AddAsync(Entry("EvLone"), CancellationToken.None).WaitAsync(Patience);

        Assert.That(DurableEventIds(), Is.EqualTo(new[] { "EvLone" }));
        Assert.That(_journal.PendingCount, Is.EqualTo(1), "queued for the processor too");
    }

    [Test]
    public async Task A_lone_event_is_written_by_its_own_request_before_the_call_returns()
    {
        // No writer loop to wake and no hand-over back to the request (issue #17's ack tail): with
        // the journal open, the request that finds no write going on writes its event itself.
        _readiness.SetMigrated();
        await _writer.AddAsync(Entry("EvWarm"), CancellationToken.None).WaitAsync(Patience);

        var add = _writer.AddAsync(Entry("EvInline"), CancellationToken.None);

        Assert.That(add.IsCompletedSuccessfully, Is.True, "the request waited for someone else to write its event");
        Assert.That(DurableEventIds(), Is.EqualTo(new[] { "EvWarm", "EvInline" }));
    }

    [Test]
    public async Task Events_that_queue_behind_a_held_write_are_acknowledged_only_once_written()
    {
        var adds = Enumerable.Range(0, 10).Select(i => _writer.AddAsync(Entry($"EvQueued{i}"), CancellationToken.None)).ToArray();
        Assert.That(adds.Where(a => a.IsCompleted), Is.Empty, "acknowledged before the write could happen");

        _readiness.SetMigrated();
        await Task.WhenAll(adds).WaitAsync(Patience);

        Assert.That(DurableEventIds(), Is.EqualTo(Enumerable.Range(0, 10).Select(i => $"EvQueued{i}")));
    }

    [Test]
    public async Task A_second_delivery_is_written_too_for_the_processor_to_skip()
    {
        var first = _writer.AddAsync(Entry("EvTwice"), CancellationToken.None);
        var second = _writer.AddAsync(Entry("EvTwice"), CancellationToken.None);

        _readiness.SetMigrated();
        await Task.WhenAll(first, second).WaitAsync(Patience);

        Assert.That(DurableEventIds(), Is.EqualTo(new[] { "EvTwice", "EvTwice" }));
    }

    [Test]
    public async Task A_failed_write_fails_its_events_and_the_next_write_goes_through()
    {
        // The journal's first file cannot be created: its name is taken by a folder.
        var blocker = Path.Combine(_journal.DirectoryPath!, "00000000000000000000.journal");
        Directory.CreateDirectory(blocker);
        _readiness.SetMigrated();

        var failure = await Assert.ThrowsAsync<IOException>(() => _writer.AddAsync(Entry("EvRefused"), CancellationToken.None).WaitAsync(Patience));
        Assert.That(failure!.Message, Does.Contain("00000000000000000000.journal"));

        Directory.Delete(blocker);
        await _writer.AddAsync(Entry("EvRefused"), CancellationToken.None).WaitAsync(Patience);

        Assert.That(DurableEventIds(), Is.EqualTo(new[] { "EvRefused" }));
    }

    [Test]
    public async Task Stopping_writes_every_accepted_event_and_refuses_new_ones()
    {
        var adds = Enumerable.Range(0, 3).Select(i => _writer.AddAsync(Entry($"EvAccepted{i}"), CancellationToken.None)).ToArray();
        var stopping = _writer.StopAsync(CancellationToken.None);
        Assert.That(stopping.IsCompleted, Is.False, "stopped before the accepted events were written");

        _readiness.SetMigrated();
        await stopping.WaitAsync(Patience);

        // Written by the time the stop completes; each request's own task follows a moment later
        // (its acknowledgement continues asynchronously), so it is awaited, not inspected.
        Assert.That(DurableEventIds(), Has.Count.EqualTo(3));
        await Task.WhenAll(adds).WaitAsync(Patience);
        Assert.Throws<InvalidOperationException>(() => _writer.AddAsync(Entry("EvLate"), CancellationToken.None));
    }

    [Test]
    public async Task A_writer_stopped_before_its_loop_ran_still_writes_what_it_accepted()
    {
        // Since .NET 10 the loop starts on the thread pool, and not at all if the stop comes first.
        _readiness.SetMigrated();
        using var unstarted = new InboxWriter(new JournalAppender(_journal), new InboxSignal(), NullLogger<InboxWriter>.Instance);
        var adds = Enumerable.Range(0, 3).Select(i => unstarted.AddAsync(Entry($"EvEarly{i}"), CancellationToken.None)).ToArray();

        await unstarted.StopAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.That(DurableEventIds(), Is.EquivalentTo(Enumerable.Range(0, 3).Select(i => $"EvEarly{i}")));
        await Task.WhenAll(adds).WaitAsync(Patience);
    }

    private InboxJournal NewJournal() =>
        new(new SqliteStorage(_file.Database), new InboxStore(_file.Database), _readiness, Options.Create(new StorageOptions()), NullLogger<InboxJournal>.Instance);

    /// <summary>What a restart would find in the journal: a second journal over the same folder.</summary>
    private List<string> DurableEventIds()
    {
        using var reopened = NewJournal();
        reopened.Open(0);
        return [.. reopened.Peek(int.MaxValue).Select(r => r.Entry.EventId)];
    }

    private static InboxEntry Entry(string eventId) =>
        new(eventId, "T0001", "C0001", "message", DateTimeOffset.UnixEpoch, Encoding.UTF8.GetBytes($$"""{"event_id":"{{eventId}}"}"""));
}
