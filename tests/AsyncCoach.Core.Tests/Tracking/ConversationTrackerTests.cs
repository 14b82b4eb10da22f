using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Tracking;

public sealed class ConversationTrackerTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly DateTimeOffset T0 = Tuesday10Utc;

    private ConversationTracker _tracker = null!;

    [SetUp]
    public void SetUp() => _tracker = new ConversationTracker(Engine);

    private IReadOnlyList<Finding> Observe(string text, double seconds, UserId? author = null, MessageTs? thread = null, string channel = "D1") =>
        _tracker.Observe(Message(text, at: T0.AddSeconds(seconds), author: author, threadTs: thread, channel: channel), Context(channel: channel));

    private static IEnumerable<string> Ids(IEnumerable<Finding> findings) => findings.Select(f => f.RuleId);

    [Test]
    public void A_naked_hello_is_held_back_not_returned_at_once()
    {
        var findings = Observe("hi", 0);

        Assert.That(findings, Is.Empty);
        Assert.That(_tracker.PendingCount, Is.EqualTo(1));
    }

    [TestCase(59, false, TestName = "A follow-up with the ask 59 s later cancels the pending finding")]
    [TestCase(60, false, TestName = "A follow-up with the ask exactly 60 s later still cancels it (inclusive)")]
    [TestCase(61, true, TestName = "A follow-up 61 s later is too late: the finding is released first")]
    public void Grace_window_boundaries(double followUpAfter, bool fires)
    {
        Observe("hey", 0);

        var atFollowUp = Observe("can you review PR 42 before Friday's release?", followUpAfter);
        var atEnd = _tracker.Flush();

        var all = atFollowUp.Concat(atEnd).ToList();
        Assert.That(all.Count(f => f.RuleId == RuleIds.MissingContext), Is.EqualTo(fires ? 1 : 0));
        if (fires)
        {
            Assert.That(atFollowUp.Single().Ts, Is.EqualTo(MessageTs.FromInstant(T0)), "released by the follow-up's own event time");
        }
    }

    [Test]
    public void A_follow_up_in_the_naked_messages_thread_cancels_it()
    {
        Observe("hi, got a minute?", 0);

        Observe("it's about the staging database password rotation", 20, thread: MessageTs.FromInstant(T0));

        Assert.That(_tracker.Flush(), Is.Empty);
    }

    [Test]
    public void A_follow_up_in_another_thread_does_not_cancel_it()
    {
        Observe("hi, got a minute?", 0);

        Observe("it's about the staging database password rotation", 20, thread: MessageTs.FromInstant(T0.AddSeconds(-500)));

        Assert.That(Ids(_tracker.Flush()), Is.EqualTo(new[] { RuleIds.MissingContext }));
    }

    [Test]
    public void A_follow_up_that_is_itself_naked_does_not_cancel_and_waits_too()
    {
        Observe("hi", 0);
        Observe("you there?", 10);

        var released = _tracker.AdvanceTo(T0.AddSeconds(71));

        Assert.That(released.Select(f => f.Ts), Is.EqualTo(new[] { MessageTs.FromInstant(T0), MessageTs.FromInstant(T0.AddSeconds(10)) }));
    }

    [Test]
    public void A_follow_up_by_someone_else_does_not_cancel_it()
    {
        Observe("hi", 0);
        Observe("sure, what's up? I can look at it after lunch", 30, author: Recipient);

        Assert.That(Ids(_tracker.Flush()), Is.EqualTo(new[] { RuleIds.MissingContext }));
    }

    [Test]
    public void AdvanceTo_releases_only_when_the_window_has_passed()
    {
        Observe("hello", 0);

        Assert.That(_tracker.AdvanceTo(T0.AddSeconds(60)), Is.Empty);
        Assert.That(Ids(_tracker.AdvanceTo(T0.AddSeconds(60.001))), Is.EqualTo(new[] { RuleIds.MissingContext }));
        Assert.That(_tracker.PendingCount, Is.Zero);
    }

    [Test]
    public void Retract_drops_the_pending_finding_of_a_deleted_message()
    {
        Observe("hey", 0);

        var dropped = _tracker.Retract(Team, new ChannelId("D1"), MessageTs.FromInstant(T0));

        Assert.That(dropped, Is.True);
        Assert.That(_tracker.Flush(), Is.Empty);
        Assert.That(_tracker.Retract(Team, new ChannelId("D1"), MessageTs.FromInstant(T0)), Is.False);
    }

    [Test]
    public void An_edit_that_adds_the_ask_replaces_the_pending_finding_with_nothing()
    {
        Observe("hey", 0);

        var findings = _tracker.ObserveEdit(Message("hey, can you send me the Q3 deck before the board meeting?", at: T0), Context());

        Assert.That(findings, Is.Empty);
        Assert.That(_tracker.Flush(), Is.Empty);
    }

    [Test]
    public void An_edit_that_stays_naked_keeps_one_pending_finding()
    {
        Observe("hey", 0);

        _tracker.ObserveEdit(Message("hey, you around?", at: T0), Context());

        Assert.That(_tracker.PendingCount, Is.EqualTo(1));
        Assert.That(_tracker.Flush().Single().Evidence, Does.Contain("you around"));
    }

    [Test]
    public void An_edit_returns_the_other_rules_findings_at_once()
    {
        Observe("can you check the logs?", 0);

        var findings = _tracker.ObserveEdit(Message("can you check the logs asap?", at: T0), Context());

        Assert.That(Ids(findings), Is.EqualTo(new[] { RuleIds.VagueUrgency }));
    }

    [Test]
    public void An_edit_never_raises_a_burst_and_is_not_counted_again()
    {
        Observe("one", 0, channel: "C1");
        Observe("two", 10, channel: "C1");
        Observe("three", 20, channel: "C1");

        var edit = _tracker.ObserveEdit(Message("three!", ConversationKind.Channel, T0.AddSeconds(20), channel: "C1"), Context(channel: "C1"));

        Assert.That(edit, Is.Empty);
        Assert.That(Ids(Observe("four", 30, channel: "C1")), Does.Contain(RuleIds.MessageBurst), "the edit did not add a fourth message");
    }

    [Test]
    public void A_burst_fires_once_on_the_fourth_short_message()
    {
        string[] texts = ["so", "the build", "is red again", "on main", "since this morning", "any idea?"];
        var fired = texts.Select((t, i) => Ids(Observe(t, i * 10, channel: "C1")).Contains(RuleIds.MessageBurst)).ToList();

        Assert.That(fired, Is.EqualTo(new[] { false, false, false, true, false, false }));
    }

    [Test]
    public void Thread_replies_neither_count_toward_nor_break_a_burst()
    {
        var parent = MessageTs.FromInstant(T0.AddSeconds(-300));
        Observe("first", 0, channel: "C1");
        Observe("second", 10, channel: "C1");
        Observe("a reply in a thread by someone else", 15, author: Recipient, thread: parent, channel: "C1");
        Observe("my own reply in the thread", 16, thread: parent, channel: "C1");
        Observe("third", 20, channel: "C1");

        Assert.That(Ids(Observe("fourth", 30, channel: "C1")), Does.Contain(RuleIds.MessageBurst));
    }

    [Test]
    public void Someone_elses_top_level_message_breaks_a_burst()
    {
        Observe("first", 0, channel: "C1");
        Observe("second", 10, channel: "C1");
        Observe("ok", 15, author: Recipient, channel: "C1");
        Observe("third", 20, channel: "C1");

        Assert.That(Ids(Observe("fourth", 30, channel: "C1")), Does.Not.Contain(RuleIds.MessageBurst));
    }

    [TestCase(120, true, TestName = "A burst whose 4th message is exactly 120 s after the 1st fires")]
    [TestCase(121, false, TestName = "A run whose 4th message is 121 s after the 1st does not fire")]
    public void Burst_time_limit_is_inclusive(double fourthAt, bool fires)
    {
        Observe("one", 0, channel: "C1");
        Observe("two", 40, channel: "C1");
        Observe("three", 80, channel: "C1");

        Assert.That(Ids(Observe("four", fourthAt, channel: "C1")).Contains(RuleIds.MessageBurst), Is.EqualTo(fires));
    }

    [Test]
    public void A_long_message_breaks_a_burst()
    {
        Observe("one", 0, channel: "C1");
        Observe("two", 10, channel: "C1");
        Observe(new string('x', 80), 20, channel: "C1");

        Assert.That(Ids(Observe("four", 30, channel: "C1")), Does.Not.Contain(RuleIds.MessageBurst));
    }

    [Test]
    public void Conversations_are_tracked_separately()
    {
        Observe("hi", 0, channel: "D1");
        Observe("the config file is in the shared drive, folder infra", 10, channel: "D2");

        Assert.That(Ids(_tracker.Flush()), Is.EqualTo(new[] { RuleIds.MissingContext }));
    }

    [Test]
    public void An_audit_may_stream_one_channel_after_another_with_time_going_back()
    {
        Observe("hi", 3600, channel: "D1");
        Observe("the build artefacts are on the shared drive", 3610, author: Recipient, channel: "D1");
        var endOfFirst = _tracker.AdvanceTo(T0.AddSeconds(3700)); // the audit ends the first channel

        Observe("hey", 0, channel: "D2");
        var followUp = Observe("could you send me the on-call schedule for April?", 30, channel: "D2");

        Assert.That(endOfFirst.Select(f => f.Channel.Value), Is.EqualTo(new[] { "D1" }));
        Assert.That(followUp, Is.Empty, "the earlier channel's later clock does not release D2's greeting early");
        Assert.That(_tracker.Flush(), Is.Empty);
    }

    [Test]
    public void Idle_conversations_are_forgotten_when_event_time_moves_on()
    {
        Observe("deploy finished", 0, channel: "C1");
        Observe("deploy finished", 0, channel: "C2");
        Observe("hi", 0, channel: "D1");

        _tracker.AdvanceTo(T0.AddMinutes(16));

        Assert.That(_tracker.ConversationCount, Is.Zero, "the pending greeting was released first, then its conversation forgotten");
    }

    [Test]
    public void A_conversation_with_a_pending_finding_is_kept()
    {
        Observe("deploy finished", 0, channel: "C1");
        Observe("hi", 1000, channel: "D1");

        _tracker.AdvanceTo(T0.AddSeconds(1030));

        Assert.That(_tracker.ConversationCount, Is.EqualTo(1));
        Assert.That(_tracker.PendingCount, Is.EqualTo(1));
    }

    [Test]
    public void Memory_stays_bounded_while_a_million_messages_stream_through()
    {
        var maxConversations = 0;
        var released = 0;
        var context = Context(ConversationKind.Channel, "C0");
        for (var i = 0; i < 1_000_000; i++)
        {
            // 50,000 channels, each visited every ~50 s of event time, then never again
            var channel = "C" + (i / 20);
            var text = (i % 20) switch { 0 => "hi <@U2>", 7 => "can we hop on a call about the release checklist?", _ => "deploy finished, dashboards look fine" };
            var findings = _tracker.Observe(
                Message(text, ConversationKind.Channel, T0.AddSeconds(i * 2.5), author: i % 20 == 0 ? Author : Recipient, channel: channel),
                context);
            released += findings.Count(f => f.RuleId == RuleIds.MissingContext);
            maxConversations = Math.Max(maxConversations, _tracker.ConversationCount);
        }

        released += _tracker.Flush().Count(f => f.RuleId == RuleIds.MissingContext);

        Assert.That(maxConversations, Is.LessThan(ConversationTracker.IdleAfter.TotalSeconds / 2.5 / 20 + 4096 / 20 + 10));
        Assert.That(released, Is.EqualTo(50_000), "every naked hello is released exactly once");
        Assert.That(_tracker.PendingCount, Is.Zero);
    }
}
