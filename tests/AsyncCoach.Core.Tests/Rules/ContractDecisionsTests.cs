using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>Every point of docs/rules.md "Decided" that issue #20 raised, each message judged alone as <c>check</c> does.</summary>
public sealed class ContractDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly string[] None = [];
    private static readonly string[] Mc = [RuleIds.MissingContext];
    private static readonly string[] Huddle = [RuleIds.HuddleInsteadOfThread];
    private static readonly string[] Vague = [RuleIds.VagueUrgency];

    private static IEnumerable<TestCaseData> DirectMessages()
    {
        (string Decision, string Text, string[] Rules)[] cases =
        [
            // Quoted and code text
            ("a quoted proposal the author declines", "&gt; can we hop on a call?\nnah, let's keep it in the thread", None),
            ("urgency in a code block", "the log says\n```ERROR urgent: retry asap```\nany idea what it means?", None),
            ("urgency in inline code", "what does the `--asap` flag in the deploy script do?", None),
            ("a greeting with a pasted stack trace", "hey\n```NullReferenceException at Checkout.cs:42```", None),
            ("a quote is content, not a naked ask", "hi\n&gt; the invoice export drops the last row", None),

            // vague-urgency: demands
            ("as soon as you can", "can you send me the contract as soon as you can", Vague),
            ("stat", "need the lab results stat", Vague),
            ("critical describes a severity", "there is a critical bug in the login form, details in the ticket", None),
            ("a name containing urgent", "the Urgent Care clinic called about the printer in reception", None),
            ("a policy that applies at once", "the new password policy applies immediately to all accounts", None),
            ("a redirect that happens at once", "the old URL now redirects immediately to the new dashboard", None),
            ("a report of what someone did", "I replied right away and they were happy", None),
            ("negation a few words away", "it's not really something we need asap, whenever suits", None),
            ("negation ends at a clause break", "not a blocker, but I need the numbers asap", Vague),

            // vague-urgency: the deadline grammar
            ("COB", "need the numbers asap, COB at the latest", None),
            ("EOD", "urgent: please send the slides by EOD", None),
            ("this week", "asap please, this week is fine", None),
            ("before an event", "need the vitals dashboard fixed asap, before rounds", None),
            ("before someone's meeting", "need the deck urgently, before Sam's board meeting", None),
            ("before I forget is no event", "urgent, before I forget: the keys are missing", Vague),
            ("a date with a month name", "need the signed form asap, March 3 at the latest", None),
            ("embargo until a time is no deadline", "send it to the press asap, embargo until 16:00", Vague),
            ("since a time is no deadline", "urgent, the queue has been stuck since 22:10", Vague),

            // missing-context
            ("a link alone", "<https://example.com/pr/42>", None),
            ("emoji alone", ":tada:", None),
            ("congratulations", "congrats!!", None),
            ("an apology", "sorry, my bad", None),
            ("quick question about a topic", "quick question about the invoice export", None),
            ("urgency and a deadline, no purpose", "urgent, need you by 3pm", Mc),
            ("a greeting in another language", "hola!", Mc),
            ("bonjour", "bonjour :wave:", Mc),
            ("a greeting and a first name", "hi Sam", Mc),
            ("informal availability", "u free?", Mc),
            ("availability with a politeness particle", "are you at your desk pls?", Mc),
            ("a short availability check", "got 5?", Mc),

            // huddle-instead-of-thread
            ("a call for later", "can we hop on a call tomorrow about the schema?", Huddle),
            ("deferring to an existing meeting", "let's cover the schema at standup tomorrow", None),
            ("in person with a topic", "can I steal you for 5 min to go over the schema", Huddle),
            ("in person without a topic", "can I steal you for a sec?", Mc),
            ("a reason but no topic", "quick call? it's a bit sensitive", None),
            ("a phone call", "easier if I ring you about the invoice format", Huddle),
            ("a named video tool", "webex in 5 to go through the numbers?", Huddle),
            ("take this to a call", "let's take this to a call, the thread is getting long", Huddle),
            ("a duration", "15 min call to sort out the API shape?", Huddle),
            ("join my link", "join my zoom and I'll show you the dashboard", Huddle),
            ("a call that happened", "we had a call about it yesterday, notes are in the doc", None),
            ("a named standing huddle", "I added the item to the huddle board", None),
            ("an outage as the reason", "the VPN is down for me, can you call me?", None),
            ("tension between teams", "can we hop on a call? there's friction between design and backend about the API", None),
            ("a first-day welcome", "welcome aboard! quick call to say hi on your first day?", None),
        ];
        foreach (var (decision, text, rules) in cases)
        {
            yield return new TestCaseData(text, rules).SetName($"Decided: {decision}");
        }
    }

    [TestCaseSource(nameof(DirectMessages))]
    public void A_direct_message_raises_exactly_the_decided_rules(string text, string[] expected)
    {
        var findings = Engine.Evaluate(Message(text), Context());

        Assert.That(findings.Select(f => f.RuleId), Is.EquivalentTo(expected));
    }

    [TestCase("<!channel> URGENT: the release branch is frozen until further notice")]
    [TestCase(":warning: *URGENT* the release branch is frozen until further notice <!channel>")]
    [TestCase("🚨 urgent - the release branch is frozen until further notice <!channel>")]
    [TestCase("_URGENT_ the release branch is frozen until further notice <!channel>")]
    public void The_urgent_marker_skips_leading_broadcasts_emoji_and_formatting(string text)
    {
        var findings = Engine.Evaluate(Message(text, ConversationKind.Channel, channel: "C1"), Context(ConversationKind.Channel, "C1", memberCount: 200));

        Assert.That(findings.Select(f => f.RuleId), Does.Not.Contain(RuleIds.BroadcastOveruse));
    }

    [Test]
    public void Urgently_is_not_the_urgent_marker()
    {
        var findings = Engine.Evaluate(
            Message("<!channel> urgently needed: volunteers for the release party on Friday", ConversationKind.Channel, channel: "C1"),
            Context(ConversationKind.Channel, "C1", memberCount: 200));

        Assert.That(findings.Select(f => f.RuleId), Does.Contain(RuleIds.BroadcastOveruse));
    }

    [TestCase("@here can someone review PR 42 by Friday?")]
    [TestCase("@channel the office is closed on Friday")]
    public void Plain_text_broadcast_words_are_not_a_broadcast(string text)
    {
        var findings = Engine.Evaluate(Message(text, ConversationKind.Channel, channel: "C1"), Context(ConversationKind.Channel, "C1", memberCount: 200));

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_broadcast_token_inside_a_quote_still_counts()
    {
        var findings = Engine.Evaluate(
            Message("&gt; <!channel> the office is closed on Friday", ConversationKind.Channel, channel: "C1"),
            Context(ConversationKind.Channel, "C1", memberCount: 200));

        Assert.That(findings.Select(f => f.RuleId), Does.Contain(RuleIds.BroadcastOveruse));
    }

    [Test]
    public void A_user_group_mention_does_not_address_a_message()
    {
        var findings = Engine.Evaluate(
            Message("hey <!subteam^S123|@oncall>", ConversationKind.Channel, channel: "C1"),
            Context(ConversationKind.Channel, "C1", memberCount: 200));

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_greeting_and_a_first_name_in_a_channel_is_naked_when_it_mentions_someone()
    {
        var findings = Engine.Evaluate(
            Message("morning <@U2> Priya :wave:", ConversationKind.Channel, channel: "C1"),
            Context(ConversationKind.Channel, "C1"));

        Assert.That(findings.Select(f => f.RuleId), Is.EquivalentTo(Mc));
    }
}
