using System.Text;
using AsyncCoach.Inbox;
using AsyncCoach.Storage;
using AsyncCoach.Storage.Sqlite;
using AsyncCoach.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCoach.Tests.Inbox;

/// <summary>
/// The inbox journal on real files beside a real SQLite file: what a restart finds, what it
/// clears, and what it does with a file a crash or power loss left cut short or garbled.
/// </summary>
public sealed class InboxJournalTests
{
    private TempSqliteFile _file = null!;
    private readonly List<InboxJournal> _journals = [];

    [SetUp]
    public void NewDatabase()
    {
        _file = new TempSqliteFile("inbox-journal");
        _file.Migrate();
    }

    [TearDown]
    public void DeleteDatabase()
    {
        foreach (var journal in _journals)
        {
            journal.Dispose();
        }

        _journals.Clear();
        _file.Dispose();
    }

    [Test]
    public void A_restart_finds_every_record_with_every_field_in_order()
    {
        var first = Open(0);
        first.Append([Entry("Ev1", channel: "C1"), Entry("Ev2", channel: null)]);
        first.Append([Entry("Ev3", payload: "{\"text\":\"caf\u00e9 \u2615\"}")]);

        var records = Open(0).Peek(10);

        Assert.That(records.Select(r => r.Entry.EventId), Is.EqualTo(new[] { "Ev1", "Ev2", "Ev3" }));
        var ev2 = records[1].Entry;
        Assert.That((ev2.TeamId, ev2.ChannelId, ev2.EventType, ev2.ReceivedAt), Is.EqualTo(("T1", (string?)null, "message", Received)));
        Assert.That(records[0].Entry.ChannelId, Is.EqualTo("C1"));
        Assert.That(Encoding.UTF8.GetString(records[2].Entry.Payload), Is.EqualTo("{\"text\":\"caf\u00e9 \u2615\"}"));
        Assert.That(records.Select(r => r.End), Is.Ordered.Ascending);
    }

    [Test]
    public void A_restart_resumes_after_the_position_processed_and_clears_what_is_before_it()
    {
        var first = Open(0);
        first.Append([Entry("EvDone1"), Entry("EvDone2"), Entry("EvLeft")]);
        var processed = first.Peek(2)[^1].End;
        first.Dispose();

        var reopened = Open(processed);

        Assert.That(reopened.Peek(10).Select(r => r.Entry.EventId), Is.EqualTo(new[] { "EvLeft" }));
        var bytes = File.ReadAllBytes(SingleFile());
        Assert.That(bytes.AsSpan(0, (int)processed).ContainsAnyExcept((byte)0), Is.False, "processed records overwritten with zeros");
        Assert.That(Encoding.UTF8.GetString(bytes), Does.Contain("EvLeft"));
    }

    [Test]
    public void Completing_a_round_overwrites_its_records_with_zeros()
    {
        var journal = Open(0);
        journal.Append([Entry("EvA", payload: "secret one"), Entry("EvB", payload: "secret two")]);

        journal.Complete(1);

        var text = Encoding.UTF8.GetString(File.ReadAllBytes(SingleFile()));
        Assert.That(text, Does.Not.Contain("secret one"));
        Assert.That(text, Does.Contain("secret two"), "not processed yet");
        Assert.That(journal.Peek(10).Select(r => r.Entry.EventId), Is.EqualTo(new[] { "EvB" }));
        Assert.That(journal.PendingCount, Is.EqualTo(1));
    }

    [Test]
    public void A_file_with_nothing_unprocessed_left_is_deleted_once_another_is_appended_to()
    {
        var journal = Open(0, segmentBytes: 1);
        journal.Append([Entry("EvOld")]);
        journal.Append([Entry("EvNew")]);
        Assert.That(Directory.GetFiles(journal.DirectoryPath!), Has.Length.EqualTo(2), "a file per append at this size");

        var oldEnd = journal.Peek(1)[0].End;
        journal.Complete(1);

        var left = Directory.GetFiles(journal.DirectoryPath!).Single();
        Assert.That(Encoding.UTF8.GetString(File.ReadAllBytes(left)), Does.Contain("EvNew"));
        Assert.That(Open(oldEnd).Peek(10).Select(r => r.Entry.EventId), Is.EqualTo(new[] { "EvNew" }));
    }

    [Test]
    public void A_record_cut_short_by_a_crash_ends_the_log_and_is_cut_off([Values(1, 7, 20)] int bytesCut)
    {
        var first = Open(0);
        first.Append([Entry("EvWhole1"), Entry("EvWhole2")]);
        first.Append([Entry("EvCut")]);
        first.Dispose();
        var path = SingleFile();
        var length = new FileInfo(path).Length;
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(length - bytesCut);
        }

        var reopened = Open(0);
        reopened.Append([Entry("EvAfter")]);

        Assert.That(reopened.Peek(10).Select(r => r.Entry.EventId), Is.EqualTo(new[] { "EvWhole1", "EvWhole2", "EvAfter" }));
        Assert.That(Open(0).Peek(10).Select(r => r.Entry.EventId), Is.EqualTo(new[] { "EvWhole1", "EvWhole2", "EvAfter" }), "and so does the next start");
    }

    [Test]
    public void A_record_whose_bytes_do_not_match_its_checksum_is_not_taken_for_an_event()
    {
        var first = Open(0);
        first.Append([Entry("EvGood")]);
        first.Append([Entry("EvGarbled", payload: "{\"text\":\"abcdef\"}")]);
        first.Dispose();
        var path = SingleFile();
        var bytes = File.ReadAllBytes(path);
        var at = Encoding.UTF8.GetString(bytes).LastIndexOf("abcdef", StringComparison.Ordinal);
        bytes[at] = (byte)'X';
        File.WriteAllBytes(path, bytes);

        Assert.That(Open(0).Peek(10).Select(r => r.Entry.EventId), Is.EqualTo(new[] { "EvGood" }));
    }

    [Test]
    public void Records_past_the_memory_budget_are_read_back_from_the_file()
    {
        var journal = Open(0);
        journal.MemoryBudgetBytes = 1;
        journal.Append([Entry("EvKept", payload: "kept in memory"), Entry("EvRead", payload: "read back"), Entry("EvRead2", payload: "read back too")]);

        var records = journal.Peek(10);

        Assert.That(records.Select(r => Encoding.UTF8.GetString(r.Entry.Payload)), Is.EqualTo(new[] { "kept in memory", "read back", "read back too" }));
        Assert.That(records[1].Entry.EventId, Is.EqualTo("EvRead"));
    }

    [Test]
    public async Task Opening_waits_for_the_migration_and_starts_at_the_position_the_database_holds()
    {
        var first = Open(0);
        first.Append([Entry("EvProcessed"), Entry("EvNot")]);
        var processed = first.Peek(1)[0].End;
        first.Dispose();
        await TestDatabase.ExecuteAsync(_file.Path, $"UPDATE inbox_journal SET processed_up_to = {processed}");
        var readiness = new DatabaseReadiness();
        var journal = Track(new InboxJournal(new SqliteStorage(_file.Database), new InboxStore(_file.Database), readiness, Options.Create(new StorageOptions()), NullLogger<InboxJournal>.Instance));

        var opening = journal.EnsureOpenAsync(CancellationToken.None);
        Assert.That(opening.IsCompleted, Is.False, "opened before the database was migrated");
        readiness.SetMigrated();
        await opening.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(journal.Peek(10).Select(r => r.Entry.EventId), Is.EqualTo(new[] { "EvNot" }));
    }

    [Test]
    public void Appending_before_opening_is_refused()
    {
        var journal = Track(NewJournal());

        Assert.Throws<InvalidOperationException>(() => journal.Append([Entry("EvEarly")]));
    }

    private static readonly DateTimeOffset Received = new(2026, 12, 6, 9, 30, 15, 123, TimeSpan.Zero);

    private static InboxEntry Entry(string eventId, string? channel = "C1", string payload = "{}") =>
        new(eventId, "T1", channel, "message", Received, Encoding.UTF8.GetBytes(payload));

    private InboxJournal Open(long processedUpTo, long? segmentBytes = null)
    {
        var journal = Track(NewJournal());
        if (segmentBytes is { } bytes)
        {
            journal.SegmentBytes = bytes;
        }

        journal.Open(processedUpTo);
        return journal;
    }

    private InboxJournal NewJournal() =>
        new(new SqliteStorage(_file.Database), new InboxStore(_file.Database), new DatabaseReadiness(), Options.Create(new StorageOptions()), NullLogger<InboxJournal>.Instance);

    private InboxJournal Track(InboxJournal journal)
    {
        _journals.Add(journal);
        return journal;
    }

    private string SingleFile() => Directory.GetFiles(_file.Path + ".inbox").Single();
}
