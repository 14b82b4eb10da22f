using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Tracking;

/// <summary>
/// A conversation held back (<see cref="ConversationTracker.HoldBack"/>: one of its events is
/// acknowledged but not processed yet, and the host lets other conversations go ahead of it) keeps
/// its pending findings however far event time moves, until the hold ends; a follow-up can still
/// cancel them meanwhile, and other conversations are released as before.
/// </summary>
public sealed class HeldConversationTests
{
    private const string FollowUp = "could you review PR 42 before Friday's release?";
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly DateTimeOffset T0 = Tuesday10Utc;

    private static IReadOnlyList<Finding> Observe(ConversationTracker tracker, string text, double seconds, string channel) =>
        tracker.Observe(Message(text, at: T0.AddSeconds(seconds), channel: channel), Context(channel: channel));

    [Test]
    public void A_later_message_of_another_conversation_does_not_release_the_greeting_of_a_held_one()
    {
        var tracker = new ConversationTracker(Engine);
        Observe(tracker, "hi", 0, "D1");

        tracker.HoldBack(Team, new ChannelId("D1"));
        var released = Observe(tracker, FollowUp, 61, "D2");

        Assert.That(released.Where(f => f.RuleId == RuleIds.MissingContext), Is.Empty);
        Assert.That(tracker.PendingCount, Is.EqualTo(1));
    }

    [Test]
    public void The_follow_up_processed_once_the_hold_ends_still_cancels_the_greeting()
    {
        var tracker = new ConversationTracker(Engine);
        Observe(tracker, "hi", 0, "D1");
        tracker.HoldBack(Team, new ChannelId("D1"));
        Observe(tracker, FollowUp, 61, "D2");
        Assert.That(tracker.AdvanceTo(T0.AddMinutes(5)), Is.Empty, "the idle clock does not release a held conversation either");

        tracker.ClearHolds();
        var followUp = Observe(tracker, FollowUp, 30, "D1");

        Assert.That(followUp.Where(f => f.RuleId == RuleIds.MissingContext), Is.Empty);
        Assert.That(tracker.PendingCount, Is.Zero);
        Assert.That(tracker.AdvanceTo(T0.AddMinutes(10)), Is.Empty);
    }

    [Test]
    public void Once_the_hold_ends_a_greeting_with_no_follow_up_is_released_at_the_next_advance()
    {
        var tracker = new ConversationTracker(Engine);
        Observe(tracker, "hi", 0, "D1");
        Observe(tracker, "hello", 0, "D3");
        tracker.HoldBack(Team, new ChannelId("D1"));

        var whileHeld = Observe(tracker, FollowUp, 61, "D2");
        tracker.ClearHolds();
        var after = tracker.AdvanceTo(T0.AddSeconds(62));

        Assert.That(whileHeld.Where(f => f.RuleId == RuleIds.MissingContext).Select(f => f.Channel.Value), Is.EqualTo(new[] { "D3" }),
            "a conversation not held is released as before");
        Assert.That(after.Select(f => f.Channel.Value), Is.EqualTo(new[] { "D1" }));
        Assert.That(tracker.PendingCount, Is.Zero);
    }

    [Test]
    public void An_audit_flush_releases_a_held_greeting_too()
    {
        var tracker = new ConversationTracker(Engine);
        Observe(tracker, "hi", 0, "D1");
        tracker.HoldBack(Team, new ChannelId("D1"));
        Observe(tracker, FollowUp, 61, "D2");

        Assert.That(tracker.Flush().Select(f => f.Channel.Value), Is.EqualTo(new[] { "D1" }));
        Assert.That(tracker.PendingCount, Is.Zero);
    }
}
