using AsyncCoach.Core.Rules;
using AsyncCoach.Core.Tracking;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", second pass of issue #20: what a message does (a check-in on the person
/// or on where they are, a greeting to a group, a withdrawn ask) and a month name inside a name.
/// The wordings are this file's own paraphrases of each kind, not items of the development set.
/// </summary>
public sealed class MessageShapeDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();
    private static readonly string[] None = [];
    private static readonly string[] Mc = [RuleIds.MissingContext];
    private static readonly string[] Vague = [RuleIds.VagueUrgency];

    private static IEnumerable<TestCaseData> DirectMessages()
    {
        (string Decision, string Text, string[] Rules)[] cases =
        [
            // A check-in on where someone is: subject, "in/at/on", at most two words of place, a time.
            ("presence: in a place today", "are you in the office today?", Mc),
            ("presence: informal, on shift", "u on shift rn?", Mc),
            ("presence: will you be at", "will you be at the site tomorrow?", Mc),
            ("presence: coming in", "r u coming in today?", Mc),
            ("presence: with a particle", "you in the clinic today ji?", Mc),
            ("presence with a topic is not naked", "are you in the office today? I need the signed NDA for the Acme deal", None),
            ("a question about a thing is not a check-in", "are you on the incident rota for the payments outage next week?", None),
            ("not a question: a statement", "you are in the lab today, the autoclave needs a refill", None),

            // The British check-in greeting, only as a question.
            ("alright as a question", "alright?", Mc),
            ("you alright", "you alright mate?", Mc),
            ("all right as a question", "all right?", Mc),
            ("alright as an answer is complete", "alright", None),
            ("alright with content", "alright, I'll push the fix after lunch", None),

            // A greeting to a group named by one word.
            ("greeting a group", "morning founders", Mc),
            ("greeting a team by its name", "hey design :wave:", Mc),
            ("a greeting and a question word is not a vocative", "hi, lunch?", None),

            // A request for someone's time, however it is worded.
            ("time: any chance you have", "hey, any chance you have 5 min?", Mc),
            ("time: could you spare", "could you spare a few minutes today?", Mc),
            ("time: is now ok", "is now ok?", Mc),
            ("time with a topic is not naked", "do you have 5 min to look at the failing migration?", None),

            // Whether someone is free, or may be interrupted.
            ("state: declarative question", "hello sir, you are free now?", Mc),
            ("state: informal", "hey!! u busy?", Mc),
            ("state: may I disturb you", "hello, may I disturb you?", Mc),
            ("state: free for a duration", "sorry to bother, free for 2 mins?", Mc),
            ("state with a topic is not naked", "are you free now? the client wants the revised quote", None),

            // huddle-instead-of-thread: proposals by shape.
            ("a medium in a few minutes", "skype in 5 about the draft?", [RuleIds.HuddleInsteadOfThread]),
            ("being on a call is no proposal", "I'm in a huddle till 3, will reply after", None),
            ("calling someone: phone me", "phone me re the shipment, easier than typing", [RuleIds.HuddleInsteadOfThread]),
            ("calling someone: can I buzz you", "can I buzz you about the supplier quote", [RuleIds.HuddleInsteadOfThread]),
            ("a duration on a medium", "20 min on meet to walk through the deck?", [RuleIds.HuddleInsteadOfThread]),
            ("a report of being called is no proposal", "the courier called me about the shipment, it's at the depot", None),
            ("a named meeting: today's huddle", "posted the summary of today's huddle in #ops", None),
            ("a named meeting: the weekly call", "the action items from our weekly call are in the doc", None),
            ("a declined call: rather not", "rather not do a call, let's keep it in the thread", None),
            ("a declined call: no need", "no need to hop on a call, the answer is in the runbook", None),
            ("why don't we is a proposal", "why don't we jump on a call about the pricing page?", [RuleIds.HuddleInsteadOfThread]),

            // Reasons that justify a call, phrased beyond the first lists.
            ("something broken now", "the server room is flooding, call me", None),
            ("equipment that stopped working", "the printer in ICU stopped working, can you ring me", None),
            ("a new colleague", "she's new, let's do a quick video call to say hello", None),
            ("a celebration", "happy birthday! let's do a quick video call with the team at 4", None),
            ("a person's standing", "it's about your contract renewal, can we jump on a call?", None),
            ("worry about a person", "I'm worried about how you're doing lately, quick call?", None),
            ("a delicate topic", "this is a delicate topic, can we talk on the phone?", None),
            ("a broken thing to show is no outage", "want to screen-share so I can show you the broken widget?", [RuleIds.HuddleInsteadOfThread]),
            ("taking it offline is a proposal", "let's take the pricing question offline to a call", [RuleIds.HuddleInsteadOfThread]),
            ("a call word naming a thing", "huddle summary: we ship Friday", None),

            // A month or weekday glued into a name is no deadline.
            ("a month in a file name", "urgent: please check Report_June.xlsx", Vague),
            ("a month in a version string", "need the hotfix asap, it's the v2.3-march branch", Vague),
            ("a month as a word is still a deadline", "need the report asap, by June at the latest", None),
            ("end-of-day written with hyphens is still a deadline", "need it asap, end-of-day is fine", None),
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

    [TestCase("nvm")]
    [TestCase("never mind, found it")]
    [TestCase("oh nvm, figured it out")]
    [TestCase("forget it")]
    public void A_withdrawal_does_not_complete_a_naked_message(string followUp)
    {
        var tracker = new ConversationTracker(Engine);
        var t0 = Tuesday10Utc;

        Assert.That(tracker.Observe(Message("u free?", at: t0), Context()), Is.Empty);
        Assert.That(tracker.Observe(Message(followUp, at: t0.AddSeconds(20)), Context()), Is.Empty, "a withdrawal is not naked itself");

        Assert.That(tracker.Flush().Select(f => f.RuleId), Is.EqualTo(new[] { RuleIds.MissingContext }));
    }

    [Test]
    public void A_follow_up_that_states_the_purpose_still_completes_it()
    {
        var tracker = new ConversationTracker(Engine);
        var t0 = Tuesday10Utc;

        tracker.Observe(Message("u free?", at: t0), Context());
        tracker.Observe(Message("need the login for the staging box, the old one expired", at: t0.AddSeconds(20)), Context());

        Assert.That(tracker.Flush(), Is.Empty);
    }
}
