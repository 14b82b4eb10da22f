using AsyncCoach.Core.Model;
using AsyncCoach.Core.Nudges;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;
using AsyncCoach.Storage;

namespace AsyncCoach.Tests.Providers;

/// <summary>
/// What a processing round writes (findings, pending findings, nudges, activity counters) and what
/// reads them back, the same tests against every provider.
/// </summary>
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class RoundStoresSuite(string provider) : ProviderSuite(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IStorage Storage => Provider.Get<IStorage>();

    private IFindingStore Findings => Provider.Get<IFindingStore>();

    private INudgeStore Nudges => Provider.Get<INudgeStore>();

    [Test]
    public async Task Findings_commit_with_their_round_and_a_repeat_is_not_new()
    {
        using var session = await Storage.OpenSessionAsync(None);
        int added;
        await using (var round = await session.BeginRoundAsync(None))
        {
            added = await Findings.AddAsync(round, [Finding("missing-context", "1.1", ["hi"]), Finding("vague-urgency", "1.1", ["asap"])], None);
            await round.CommitAsync(None);
        }

        var repeat = await Findings.AddAsync([Finding("missing-context", "1.1", ["hi"]), Finding("missing-context", "2.1", ["hey"])], None);

        Assert.That((added, repeat), Is.EqualTo((2, 1)));
        Assert.That(await Findings.ForMessageAsync("T1", "C1", "1.1", None), Is.EqualTo(new[]
        {
            new StoredFinding("missing-context", "U1", "[\"hi\"]", "[]"),
            new StoredFinding("vague-urgency", "U1", "[\"asap\"]", "[]"),
        }));
        Assert.That(await Findings.CountByRuleAsync("T1", null, Start, None), Is.EquivalentTo(new Dictionary<string, long> { ["missing-context"] = 2, ["vague-urgency"] = 1 }));
        Assert.That(await Findings.CountByRuleAsync("T1", "U2", Start, None), Is.Empty);
        Assert.That(await Findings.CountByRuleAsync("T1", "U1", Start.AddMinutes(1), None), Is.Empty);
    }

    [Test]
    public async Task A_round_disposed_without_commit_leaves_no_finding_and_no_nudge()
    {
        using var session = await Storage.OpenSessionAsync(None);
        await using (var round = await session.BeginRoundAsync(None))
        {
            await Findings.AddAsync(round, [Finding("missing-context", "1.1", ["hi"])], None);
            await Nudges.TryAddAsync(round, Nudge("1.1"), Start, None);
        }

        Assert.That(await Findings.ForMessageAsync("T1", "C1", "1.1", None), Is.Empty);
        Assert.That(await Nudges.ExistsForMessageAsync("T1", "C1", "1.1", None), Is.False);
    }

    [Test]
    public async Task Weekly_counts_put_each_finding_in_its_week_oldest_first()
    {
        var until = Start;
        await Findings.AddAsync(
        [
            Finding("missing-context", "1.1", ["hi"], at: until.AddDays(-27)),
            Finding("missing-context", "2.1", ["hi"], at: until.AddDays(-1)),
            Finding("missing-context", "3.1", ["hi"], at: until),
            Finding("vague-urgency", "4.1", ["asap"], at: until.AddDays(-10)),
            Finding("vague-urgency", "5.1", ["asap"], at: until.AddDays(-29)),
        ], None);

        var weeks = await Findings.WeeklyByRuleAsync("T1", "U1", until, None);

        Assert.That(weeks.OrderBy(w => w.RuleId, StringComparer.Ordinal), Is.EqualTo(new[]
        {
            new RuleWeeks("missing-context", 1, 0, 0, 2),
            new RuleWeeks("vague-urgency", 0, 0, 1, 0),
        }));
    }

    [Test]
    public async Task Pending_findings_follow_the_trackers_changes_in_order()
    {
        var store = Provider.Get<IPendingFindingStore>();
        var greeting = Finding("missing-context", "1.1", ["hi"], thread: "0.5");
        var other = Finding("missing-context", "2.1", ["hey"]);
        await using (var transaction = await Storage.BeginTransactionAsync(None))
        {
            await store.WriteAsync(transaction,
            [
                new PendingChange(greeting, Start.AddMinutes(2)),
                new PendingChange(other, Start.AddMinutes(1)),
                new PendingChange(greeting, Start.AddMinutes(5)),
                new PendingChange(other, null),
                new PendingChange(Finding("missing-context", "9.1", ["yo"]), null),
            ], None);
            await transaction.CommitAsync(None);
        }

        var all = await store.AllAsync(None);

        Assert.That(all.Select(p => (p.Finding.RuleId, p.Finding.Team, p.Finding.Channel, p.Finding.Ts, p.Finding.ThreadTs, p.Finding.Author, p.Finding.At, p.Finding.Suggestion, p.Due)),
            Is.EqualTo(new[]
            {
                ("missing-context", new TeamId("T1"), new ChannelId("C1"), new MessageTs("1.1"), (MessageTs?)new MessageTs("0.5"), new UserId("U1"), Start, "Say what you need.", Start.AddMinutes(5)),
            }));
        Assert.That(all[0].Finding.Evidence, Is.EqualTo(new[] { "hi" }));
    }

    [Test]
    public async Task A_nudge_is_added_once_per_message_and_counted_inside_its_round()
    {
        using var session = await Storage.OpenSessionAsync(None);
        long? id;
        long? again;
        NudgeCounts counts;
        NudgeCounts otherAuthor;
        await using (var round = await session.BeginRoundAsync(None))
        {
            id = await Nudges.TryAddAsync(round, Nudge("1.1", "vague-urgency", "missing-context"), Start, None);
            again = await Nudges.TryAddAsync(round, Nudge("1.1", "missing-context"), Start, None);
            await Nudges.TryAddAsync(round, Nudge("2.1", "missing-context"), Start, None);
            counts = await Nudges.CountsAsync(round, "T1", "U1", Start.AddHours(-9), None);
            otherAuthor = await Nudges.CountsAsync(round, "T1", "U2", Start.AddHours(-9), None);
            await round.CommitAsync(None);
        }

        Assert.That(id, Is.Not.Null);
        Assert.That(again, Is.Null);
        Assert.That(counts.Today, Is.EqualTo(2));
        Assert.That(counts.PerRuleToday, Is.EquivalentTo(new Dictionary<string, int> { ["missing-context"] = 2, ["vague-urgency"] = 1 }));
        Assert.That(otherAuthor.Today, Is.Zero);
        var nudge = await Nudges.GetAsync(id!.Value, None);
        Assert.That((nudge!.Id, nudge.TeamId, nudge.AuthorId, nudge.State), Is.EqualTo((id.Value, "T1", "U1", "pending")));
        Assert.That(nudge.RuleIds, Is.EqualTo(new[] { "missing-context", "vague-urgency" }));
        Assert.That(await Nudges.GetAsync(id.Value + 1000, None), Is.Null);
        Assert.That(await Nudges.ExistsForMessageAsync("T1", "C1", "1.1", None), Is.True);
        Assert.That(await Nudges.ExistsForMessageAsync("T1", "C1", "3.1", None), Is.False);
    }

    [Test]
    public async Task Feedback_is_kept_once_per_nudge_and_kind_and_summarised_per_person()
    {
        long id;
        await using (var transaction = await Storage.BeginTransactionAsync(None))
        {
            id = (await Nudges.TryAddAsync(transaction, Nudge("1.1", "missing-context"), Start, None))!.Value;
            await transaction.CommitAsync(None);
        }

        var first = await Nudges.AddFeedbackAsync(id, "thanks", "U1", Start.AddMinutes(1), None);
        var again = await Nudges.AddFeedbackAsync(id, "thanks", "U9", Start.AddMinutes(2), None);
        var snooze = await Nudges.AddFeedbackAsync(id, "snooze_today", "U1", Start.AddMinutes(3), None);

        Assert.That((first, again, snooze), Is.EqualTo((true, false, true)));
        Assert.That(await Nudges.SummarizeAsync("T1", "U1", Start, None), Is.EqualTo((0L, 1L, 0L, 1L, 0L)));
        Assert.That(await Nudges.SummarizeAsync("T1", "U1", Start.AddMinutes(2), None), Is.EqualTo((0L, 0L, 0L, 1L, 0L)));
        Assert.That(await Nudges.SummarizeAsync("T1", "U2", Start, None), Is.EqualTo((0L, 0L, 0L, 0L, 0L)));
    }

    [Test]
    public async Task Activity_counters_add_up_across_rounds_and_people_are_counted_once()
    {
        var activity = Provider.Get<IActivityStore>();
        var hour = Start;
        await using (var transaction = await Storage.BeginTransactionAsync(None))
        {
            activity.Add(transaction,
                [new ActivityDelta("T1", hour, "public", 3, 1), new ActivityDelta("T1", hour, "public", 2, 0), new ActivityDelta("T1", hour.AddHours(1), "dm", 1, 1)],
                [("T1", hour, "U1"), ("T1", hour, "U1"), ("T1", hour.AddHours(1), "U2")]);
            await transaction.CommitAsync(None);
        }

        await using (var transaction = await Storage.BeginTransactionAsync(None))
        {
            activity.Add(transaction, [new ActivityDelta("T1", hour, "public", 4, 2), new ActivityDelta("T2", hour, "public", 9, 9)], [("T1", hour, "U1"), ("T1", hour, "U3")]);
            await transaction.CommitAsync(None);
        }

        await Findings.AddAsync(
        [
            Finding("after-hours-ping", "1.1", ["late"], author: "U1", recipients: ["U7", "U8"]),
            Finding("after-hours-ping", "2.1", ["late"], author: "U1", recipients: ["U8"]),
            Finding("after-hours-ping", "3.1", ["late"], author: "U2", at: hour.AddHours(1), recipients: ["U9"]),
        ], None);

        var counts = await activity.ReadAsync(
            "T1", "U1",
            [(hour, hour.AddHours(2)), (hour, hour.AddHours(1))],
            [hour, hour.AddHours(1), hour.AddHours(2), hour.AddHours(3)],
            [(hour, hour.AddHours(2)), (hour.AddHours(-2), hour)],
            None);

        Assert.That(counts.Weeks, Is.EqualTo(new[]
        {
            new ActivityWeekCount(10, 4, 3, 2),
            new ActivityWeekCount(9, 3, 2, 1),
        }));
        Assert.That(counts.Slots, Is.EqualTo(new[]
        {
            new ActivitySlotCount(0, 9, 3, 1),
            new ActivitySlotCount(1, 1, 1, 1),
        }));
        Assert.That(counts.LeadReached, Is.EqualTo(new[] { 2L, 0L }));
    }

    private static Finding Finding(
        string rule, string ts, IReadOnlyList<string> evidence, DateTimeOffset? at = null, string? thread = null, string author = "U1", IReadOnlyList<string>? recipients = null) =>
        new(rule, new TeamId("T1"), new ChannelId("C1"), new MessageTs(ts), thread is null ? null : new MessageTs(thread), new UserId(author),
            at ?? Start, evidence, "Say what you need.")
        {
            OffHoursRecipients = [.. (recipients ?? []).Select(u => new RecipientTime(new UserId(u), "Europe/Paris", Start.AddHours(1), null))],
        };

    private static NewNudge Nudge(string ts, params string[] rules) =>
        new("T1", "C1", ts, null, "U1", NudgeDelivery.Ephemeral, "{\"text\":\"n\"}", Start.AddHours(1), Start.AddHours(-9), rules);
}
