using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Tracking;

/// <summary>
/// The tracker's journal of pending findings, which a host writes down so that a restart keeps
/// them, and <see cref="ConversationTracker.Restore"/>, which puts them back.
/// </summary>
public sealed class PendingJournalTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly DateTimeOffset T0 = Tuesday10Utc;

    private static IReadOnlyList<Finding> Observe(ConversationTracker tracker, string text, double seconds, string channel = "D1") =>
        tracker.Observe(Message(text, at: T0.AddSeconds(seconds), channel: channel), Context(channel: channel));

    private static IEnumerable<(string Ts, bool Begun)> Changes(ConversationTracker tracker) =>
        tracker.DrainPendingChanges().Select(c => (c.Finding.Ts.Value, c.Due is not null));

    [Test]
    public void A_greeting_begins_pending_with_its_due_time_and_its_follow_up_ends_it()
    {
        var tracker = new ConversationTracker(Engine) { JournalsPending = true };

        Observe(tracker, "hi", 0);
        var begun = tracker.DrainPendingChanges().Single();
        Observe(tracker, "could you review PR 42 before Friday's release?", 20);

        Assert.That(begun.Finding.RuleId, Is.EqualTo(RuleIds.MissingContext));
        Assert.That(begun.Due, Is.EqualTo(T0 + Context().Norms.GraceWindow));
        Assert.That(Changes(tracker), Is.EqualTo(new[] { (MessageTs.FromInstant(T0).Value, false) }));
        Assert.That(tracker.DrainPendingChanges(), Is.Empty, "drained once");
    }

    [Test]
    public void Release_and_retraction_end_a_pending_finding_in_the_journal()
    {
        var tracker = new ConversationTracker(Engine) { JournalsPending = true };
        Observe(tracker, "hi", 0, channel: "D1");
        Observe(tracker, "hello", 1, channel: "D2");
        tracker.DrainPendingChanges();

        tracker.Retract(Team, new ChannelId("D2"), MessageTs.FromInstant(T0.AddSeconds(1)));
        var released = tracker.AdvanceTo(T0.AddMinutes(5));

        Assert.That(released, Has.Count.EqualTo(1));
        Assert.That(Changes(tracker), Is.EquivalentTo(new[]
        {
            (MessageTs.FromInstant(T0.AddSeconds(1)).Value, false),
            (MessageTs.FromInstant(T0).Value, false),
        }));
    }

    [Test]
    public void Forgetting_an_author_drops_their_pending_findings_in_that_team_only()
    {
        var tracker = new ConversationTracker(Engine) { JournalsPending = true };
        tracker.Observe(Message("hi", at: T0, channel: "D1"), Context(channel: "D1"));
        tracker.Observe(Message("hi", at: T0, channel: "D2", author: new UserId("U_OTHER")), Context(channel: "D2"));
        tracker.DrainPendingChanges();

        var dropped = tracker.ForgetAuthor(Team, Author);
        var released = tracker.AdvanceTo(T0.AddMinutes(5));

        Assert.That(dropped, Is.EqualTo(1));
        Assert.That(released.Select(f => f.Author.Value), Is.EqualTo(new[] { "U_OTHER" }));
        Assert.That(tracker.ForgetAuthor(new TeamId("T_ELSEWHERE"), new UserId("U_OTHER")), Is.Zero);
    }

    [Test]
    public void Without_a_journal_nothing_is_kept()
    {
        var tracker = new ConversationTracker(Engine);

        Observe(tracker, "hi", 0);

        Assert.That(tracker.PendingCount, Is.EqualTo(1));
        Assert.That(tracker.DrainPendingChanges(), Is.Empty);
    }

    [Test]
    public void A_restored_finding_is_released_when_due_and_can_still_be_cancelled()
    {
        var source = new ConversationTracker(Engine) { JournalsPending = true };
        Observe(source, "hi", 0, channel: "D1");
        Observe(source, "hey", 0, channel: "D2");
        var stored = source.DrainPendingChanges();

        var restarted = new ConversationTracker(Engine) { JournalsPending = true };
        foreach (var change in stored)
        {
            restarted.Restore(change.Finding, change.Due!.Value);
        }

        var followUp = Observe(restarted, "could you review PR 42 before Friday's release?", 30, channel: "D2");
        var released = restarted.AdvanceTo(T0.AddMinutes(5));

        Assert.That(restarted.DrainPendingChanges().Where(c => c.Due is not null), Is.Empty, "restoring is not a new beginning");
        Assert.That(followUp, Is.Empty);
        Assert.That(released.Select(f => f.Channel.Value), Is.EqualTo(new[] { "D1" }));
        Assert.That(restarted.PendingCount, Is.Zero);
    }
}
