using System.Text;
using AsyncCoach.Inbox;
using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="IInboxStore"/>'s processor side and <see cref="IStorage"/>'s round, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class InboxStoreSuite(string provider) : ProviderSuite(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IInboxStore Inbox => Provider.Get<IInboxStore>();

    private IStorage Storage => Provider.Get<IStorage>();

    [Test]
    public async Task A_processed_event_is_known_and_a_second_insert_of_it_changes_nothing()
    {
        using var session = await Storage.OpenSessionAsync(None);
        long? first;
        long? again;
        await using (var round = await session.BeginRoundAsync(None))
        {
            first = Inbox.InsertProcessed(round, Entry("Ev1"), null, Start);
            again = Inbox.InsertProcessed(round, Entry("Ev1"), "boom", Start);
            await round.CommitAsync(None);
        }

        using (var read = session.BeginRead())
        {
            Assert.That((Inbox.IsKnown(read, "Ev1"), Inbox.IsKnown(read, "Ev2")), Is.EqualTo((true, false)));
        }

        Assert.That(first, Is.Not.Null);
        Assert.That(again, Is.Null);
        Assert.That(await Inbox.CountByStateAsync(None), Is.EquivalentTo(new Dictionary<string, long> { ["done"] = 1 }));
        Assert.That(await Inbox.ClaimPendingAsync(session, 10, None), Is.Empty);
    }

    [Test]
    public async Task A_round_disposed_without_commit_writes_nothing()
    {
        using var session = await Storage.OpenSessionAsync(None);
        await using (var round = await session.BeginRoundAsync(None))
        {
            Inbox.InsertProcessed(round, Entry("Ev1"), null, Start);
        }

        using (var read = session.BeginRead())
        {
            Assert.That(Inbox.IsKnown(read, "Ev1"), Is.False);
        }

        Assert.That(await Inbox.CountByStateAsync(None), Is.Empty);
    }

    [Test]
    public async Task Pending_rows_are_claimed_in_arrival_order_with_their_payloads_and_attempts()
    {
        using var session = await Storage.OpenSessionAsync(None);
        await InsertAsync(session, [Entry("Ev1"), Entry("Ev2", channel: null), Entry("Ev3")], "timeout");

        var claimed = await Inbox.ClaimPendingAsync(session, 2, None);

        Assert.That(claimed.Select(r => (r.EventId, r.ChannelId, r.Attempts, Encoding.UTF8.GetString(r.Payload!))), Is.EqualTo(new[]
        {
            ("Ev1", (string?)"C1", 1L, "{\"id\":\"Ev1\"}"),
            ("Ev2", null, 1L, "{\"id\":\"Ev2\"}"),
        }));
        Assert.That(claimed[0].Id, Is.LessThan(claimed[1].Id));
        Assert.That(await Inbox.CountByStateAsync(None), Is.EquivalentTo(new Dictionary<string, long> { ["pending"] = 3 }));
    }

    [Test]
    public async Task Completing_marks_rows_done_and_counts_failures_until_the_row_is_given_up_with_its_payload_cleared()
    {
        using var session = await Storage.OpenSessionAsync(None);
        await InsertAsync(session, [Entry("Ev1"), Entry("Ev2")], "timeout");
        var rows = await Inbox.ClaimPendingAsync(session, 10, None);
        await CompleteAsync(session, [new InboxOutcome(rows[0].Id, null), new InboxOutcome(rows[1].Id, "again")]);

        var left = await Inbox.ClaimPendingAsync(session, 10, None);
        Assert.That(left.Select(r => (r.EventId, r.Attempts)), Is.EqualTo(new[] { ("Ev2", 2L) }));

        for (var attempt = 3; attempt <= IInboxStore.MaxAttempts; attempt++)
        {
            await CompleteAsync(session, [new InboxOutcome(left[0].Id, "again")]);
        }

        Assert.That(await Inbox.ClaimPendingAsync(session, 10, None), Is.Empty);
        Assert.That(await Inbox.CountByStateAsync(None), Is.EquivalentTo(new Dictionary<string, long> { ["done"] = 1, ["failed"] = 1 }));
    }

    [Test]
    public async Task Completing_a_row_that_is_not_pending_any_more_throws_and_the_round_rolls_back()
    {
        using var session = await Storage.OpenSessionAsync(None);
        await InsertAsync(session, [Entry("Ev1"), Entry("Ev2")], "timeout");
        var rows = await Inbox.ClaimPendingAsync(session, 10, None);
        await CompleteAsync(session, [new InboxOutcome(rows[0].Id, null)]);

        Assert.That(
            async () => await CompleteAsync(session, [new InboxOutcome(rows[0].Id, null), new InboxOutcome(rows[1].Id, null)]),
            Throws.InvalidOperationException);

        Assert.That((await Inbox.ClaimPendingAsync(session, 10, None)).Select(r => (r.EventId, r.Attempts)), Is.EqualTo(new[] { ("Ev2", 1L) }));
    }

    [TestCase(null)]
    [TestCase("timeout")]
    public async Task Completing_a_single_row_that_is_not_pending_any_more_throws_and_changes_nothing(string? error)
    {
        using var session = await Storage.OpenSessionAsync(None);
        await InsertAsync(session, [Entry("Ev1")], "timeout");
        var rows = await Inbox.ClaimPendingAsync(session, 10, None);
        await CompleteAsync(session, [new InboxOutcome(rows[0].Id, null)]);

        Assert.That(
            async () => await CompleteAsync(session, [new InboxOutcome(rows[0].Id, error)]),
            Throws.InvalidOperationException.With.Message.Contains($"{rows[0].Id}"));

        // Still done, as the first round left it: the second changed nothing.
        Assert.That(await Inbox.CountByStateAsync(None), Is.EquivalentTo(new Dictionary<string, long> { ["done"] = 1 }));
    }

    [Test]
    public async Task Retention_deletes_old_finished_rows_a_window_at_a_time_and_never_pending_ones()
    {
        using var session = await Storage.OpenSessionAsync(None);
        await InsertAsync(session, [Entry("Ev1", at: Start.AddDays(-10))], null);
        await InsertAsync(session, [Entry("Ev2", at: Start.AddDays(-10))], "timeout");
        await InsertAsync(session, [Entry("Ev3", at: Start)], null);
        var cutoff = Start.AddDays(-1);

        var first = await Inbox.PurgeWindowAsync(0, 2, cutoff, cutoff, None);
        var second = await Inbox.PurgeWindowAsync(first.LastId, 2, cutoff, cutoff, None);

        Assert.That((first.Deleted, first.Finished), Is.EqualTo((1, false)));
        Assert.That((second.Deleted, second.Finished), Is.EqualTo((0, true)));
        Assert.That(second.LastId, Is.GreaterThan(first.LastId));
        Assert.That(await Inbox.CountByStateAsync(None), Is.EquivalentTo(new Dictionary<string, long> { ["pending"] = 1, ["done"] = 1 }));
        Assert.That(await Inbox.PurgeWindowAsync(second.LastId, 2, cutoff, cutoff, None), Is.EqualTo(new InboxPurgeWindow(second.LastId, 0, true)));
    }

    [Test]
    public async Task A_unit_of_work_outside_a_round_commits_and_the_database_is_ready()
    {
        Assert.That(await Storage.CheckReadyAsync(None), Is.Null);
        Assert.That(Storage.Description, Is.Not.Empty);
        await using (var transaction = await Storage.BeginTransactionAsync(None))
        {
            Assert.That(Inbox.InsertProcessed(transaction, Entry("Ev1"), null, Start), Is.Not.Null);
            await transaction.CommitAsync(None);
        }

        Assert.That(await Inbox.CountByStateAsync(None), Is.EquivalentTo(new Dictionary<string, long> { ["done"] = 1 }));
    }

    private async Task InsertAsync(IProcessingSession session, IReadOnlyList<InboxEntry> entries, string? error)
    {
        await using var round = await session.BeginRoundAsync(None);
        foreach (var entry in entries)
        {
            Assert.That(Inbox.InsertProcessed(round, entry, error, Start), Is.Not.Null);
        }

        await round.CommitAsync(None);
    }

    private async Task CompleteAsync(IProcessingSession session, IReadOnlyList<InboxOutcome> outcomes)
    {
        await using var round = await session.BeginRoundAsync(None);
        await Inbox.CompleteAsync(round, outcomes, Start, None);
        await round.CommitAsync(None);
    }

    private static InboxEntry Entry(string eventId, string? channel = "C1", DateTimeOffset? at = null) =>
        new(eventId, "T1", channel, "message", at ?? Start, Encoding.UTF8.GetBytes($"{{\"id\":\"{eventId}\"}}"));
}
