using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary><see cref="IOutboxStore"/>'s contract, the same tests against every provider.</summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class OutboxStoreSuite(string provider) : ProviderSuite(provider)
{
    private IOutboxStore Outbox => Provider.Get<IOutboxStore>();

    [Test]
    public async Task An_enqueue_is_idempotent_per_kind_team_recipient_and_key()
    {
        var first = await Outbox.TryEnqueueAsync(Message("T1", "U1", "w1"), Start, CancellationToken.None);
        var again = await Outbox.TryEnqueueAsync(Message("T1", "U1", "w1"), Start, CancellationToken.None);
        var otherKey = await Outbox.TryEnqueueAsync(Message("T1", "U1", "w2"), Start, CancellationToken.None);

        Assert.That(first, Is.Not.Null);
        Assert.That(again, Is.Null);
        Assert.That(otherKey, Is.Not.Null.And.Not.EqualTo(first));
    }

    [Test]
    public void A_nudge_cannot_be_enqueued_here()
    {
        Assert.ThrowsAsync<ArgumentException>(() =>
            Outbox.TryEnqueueAsync(new OutboxMessage(IOutboxStore.NudgeKind, "T1", "U1", "k", "{}", Start.AddDays(1)), Start, CancellationToken.None));
    }

    [Test]
    public async Task Due_rows_come_oldest_first_pass_over_busy_teams_and_say_when_the_next_is_due()
    {
        var late = await Outbox.TryEnqueueAsync(Message("T1", "U1", "a") with { NotBefore = Start.AddMinutes(2) }, Start, CancellationToken.None);
        var busy = await Outbox.TryEnqueueAsync(Message("T2", "U2", "b"), Start, CancellationToken.None);
        var due = await Outbox.TryEnqueueAsync(Message("T3", "U3", "c"), Start, CancellationToken.None);
        var future = await Outbox.TryEnqueueAsync(Message("T4", "U4", "d") with { NotBefore = Start.AddHours(1) }, Start, CancellationToken.None);

        var (rows, next) = await Outbox.DueAsync(Start.AddMinutes(5), 10, ["T2"], CancellationToken.None);

        Assert.That(rows.Select(r => r.Id), Is.EqualTo(new[] { due!.Value, late!.Value }));
        Assert.That(rows.Select(r => (r.TeamId, r.Kind)), Is.EqualTo(new[] { ("T3", "digest"), ("T1", "digest") }));
        Assert.That(next, Is.EqualTo(Start.AddHours(1)));
        Assert.That(new[] { busy, future }, Has.All.Not.Null);
    }

    [Test]
    public async Task A_claimed_row_is_sending_and_cannot_be_claimed_again()
    {
        var id = (await Outbox.TryEnqueueAsync(Message("T1", "U1", "w1"), Start, CancellationToken.None))!.Value;

        var claimed = await Outbox.ClaimAsync([id], CancellationToken.None);
        var again = await Outbox.ClaimAsync([id], CancellationToken.None);

        var row = claimed.Single();
        Assert.That((row.State, row.Attempts, row.Kind, row.AuthorId, row.ContentJson, row.MessageTs), Is.EqualTo(("sending", 0L, "digest", "U1", "{\"week\":1}", "digest:w1")));
        Assert.That(again, Is.Empty);
        Assert.That(await Outbox.MarkSendingAsync(id, CancellationToken.None), Is.False);
        Assert.That((await Outbox.DueAsync(Start, 10, [], CancellationToken.None)).Due, Is.Empty);
    }

    [Test]
    public async Task A_released_row_is_pending_again_not_before_the_givenTime_and_its_attempt_not_counted()
    {
        var id = (await Outbox.TryEnqueueAsync(Message("T1", "U1", "w1"), Start, CancellationToken.None))!.Value;
        await Outbox.ClaimAsync([id], CancellationToken.None);

        await Outbox.ReleaseAsync(id, Start.AddMinutes(3), CancellationToken.None);

        Assert.That((await Outbox.DueAsync(Start.AddMinutes(2), 10, [], CancellationToken.None)).Next, Is.EqualTo(Start.AddMinutes(3)));
        var reclaimed = await Outbox.ClaimAsync([id], CancellationToken.None);
        Assert.That(reclaimed.Single().Attempts, Is.Zero);
    }

    [Test]
    public async Task An_ended_row_is_neither_due_nor_claimable()
    {
        var id = (await Outbox.TryEnqueueAsync(Message("T1", "U1", "w1"), Start, CancellationToken.None))!.Value;
        await Outbox.ClaimAsync([id], CancellationToken.None);

        await Outbox.EndAsync(id, IOutboxStore.Sent, null, "ok", Start, CancellationToken.None);

        Assert.That((await Outbox.DueAsync(Start.AddDays(1), 10, [], CancellationToken.None)).Due, Is.Empty);
        Assert.That(await Outbox.ClaimAsync([id], CancellationToken.None), Is.Empty);
        Assert.That(await Outbox.RecoverInterruptedAsync(Start.AddDays(1), CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task A_rate_limited_deferral_holds_the_whole_team_until_the_retryTime()
    {
        var first = (await Outbox.TryEnqueueAsync(Message("T1", "U1", "a"), Start, CancellationToken.None))!.Value;
        await Outbox.TryEnqueueAsync(Message("T1", "U2", "b"), Start, CancellationToken.None);
        await Outbox.TryEnqueueAsync(Message("T2", "U3", "c"), Start, CancellationToken.None);
        var row = (await Outbox.ClaimAsync([first], CancellationToken.None)).Single();

        await Outbox.DeferAsync(row, "ratelimited", Start.AddMinutes(10), wholeTeam: true, Start, CancellationToken.None);

        var (due, next) = await Outbox.DueAsync(Start.AddMinutes(1), 10, [], CancellationToken.None);
        Assert.That(due.Select(r => r.TeamId), Is.EqualTo(new[] { "T2" }));
        Assert.That(next, Is.EqualTo(Start.AddMinutes(10)));
        Assert.That((await Outbox.DueAsync(Start.AddMinutes(10), 10, [], CancellationToken.None)).Due.Count(r => r.TeamId == "T1"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_row_left_sending_by_a_process_that_is_gone_is_ended_once_at_recovery()
    {
        var id = (await Outbox.TryEnqueueAsync(Message("T1", "U1", "w1"), Start, CancellationToken.None))!.Value;
        await Outbox.ClaimAsync([id], CancellationToken.None);
        // Past any lease: the claimer is gone on every provider.
        Time.Advance(TimeSpan.FromHours(1));

        var ended = await Outbox.RecoverInterruptedAsync(Time.GetUtcNow(), CancellationToken.None);
        var endedAgain = await Outbox.RecoverInterruptedAsync(Time.GetUtcNow(), CancellationToken.None);

        Assert.That((ended, endedAgain), Is.EqualTo((1, 0)));
        Assert.That(await Outbox.ClaimAsync([id], CancellationToken.None), Is.Empty, "never sent again");
    }

    private static OutboxMessage Message(string team, string recipient, string key) =>
        new("digest", team, recipient, key, "{\"week\":1}", Start.AddDays(2));
}
