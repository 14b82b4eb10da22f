using AsyncCoach.Core.Model;
using AsyncCoach.Core.Rules;
using static AsyncCoach.Core.Tests.TestMessages;

namespace AsyncCoach.Core.Tests.Rules;

/// <summary>
/// docs/rules.md "Decided", ninth pass of issue #20 (branch <c>naked20b</c>): what a naked message does,
/// read in more of its shapes (a request for a call with nothing but its glue, an ask wrapped in a frame,
/// a group's availability, a hello as the whole point, a wish closed by a vocative, urgency with only a
/// deadline), and three vague-urgency readings. Paraphrases written for this file, none an item of a
/// development set; each kind has counter-cases that state a topic and must stay complete.
/// </summary>
public sealed class NinthPassDecisionsTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [TestCase("shall we jump on a quick zoom later?")]
    [TestCase("wanna do a call now")]
    [TestCase("could i phone you today?")]
    [TestCase("5 mins on teams?")]
    [TestCase("need 10 minutes on the phone")]
    public void A_request_for_a_call_with_only_its_glue_is_naked(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("shall we jump on a quick zoom later about the floor plan?")]
    [TestCase("could i phone the supplier today?")]
    [TestCase("ok will ring the front desk")]
    [TestCase("we need 3 people on the phones tonight")]
    [TestCase("we had a quick call with the auditors")]
    [TestCase("quick call? it's about your contract")]
    public void A_call_with_a_topic_a_report_or_a_reason_is_not_naked(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [Test]
    public void A_call_asked_for_alone_names_the_call_as_evidence()
    {
        var finding = Engine.Evaluate(Message("could i phone you today?", ConversationKind.Im, channel: "D1"), Context(ConversationKind.Im, "D1"))
            .Single(f => f.RuleId == RuleIds.MissingContext);

        Assert.That(finding.Evidence, Is.Not.Empty.And.Not.Contains("(mention only)"));
    }

    [TestCase("hi Jo, I was wondering if you're free this arvo")]
    [TestCase("morning! just wanted to check whether you are around later")]
    [TestCase("hey Kim it's me, I'd like to check if you're about at some point today")]
    [TestCase("I wanted to ask you something")]
    [TestCase("good morning sir hope you are well sir I wanted to ask are you free for some time today")]
    public void An_ask_wrapped_in_a_frame_is_naked(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("I was wondering if you're free to review the pricing deck")]
    [TestCase("just wanted to check whether the courier came")]
    [TestCase("I wanted to ask you something about the leave policy")]
    [TestCase("i want to check the invoices first")]
    public void A_frame_around_a_topic_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("<!here> is anyone at the Leeds depot right now?")]
    [TestCase("<!here> anyone on B4 this morning?")]
    [TestCase("<!here> team, who is around?")]
    public void A_group_asked_who_is_free_or_there_is_naked(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Contain(RuleIds.MissingContext));

    [TestCase("<!here> is anyone at the Leeds depot able to sign for a pallet?")]
    [TestCase("<!here> who is on call for the payments outage?")]
    [TestCase("<!here> is anyone else seeing 502s on checkout?")]
    public void A_group_asked_about_something_is_complete(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("are you free now or shall I check back later?")]
    [TestCase("evening, are you still at the warehouse or already gone home?")]
    [TestCase("sorry to interrupt your planning session, are you around")]
    [TestCase("hiya, just popping in to say hello")]
    [TestCase("need your help asap")]
    [TestCase("hope the move went well and you're feeling better")]
    [TestCase("hope the shift was quiet")]
    [TestCase("Good evening Engr. Bello, how was your day?")]
    [TestCase("how ya going?")]
    public void Availability_small_talk_and_bare_needs_in_other_shapes_are_naked(string text) =>
        Assert.That(RulesOn(text), Does.Contain(RuleIds.MissingContext));

    [TestCase("need your help with the VAT return")]
    [TestCase("hope the migration finishes before the backup window")]
    [TestCase("how was the client meeting?")]
    [TestCase("sorry to interrupt your planning session, the printer is on fire")]
    public void The_same_shapes_with_a_topic_are_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    // The contract's decision "urgency plus a deadline but no purpose is naked", with the deadline
    // worded as an event or a span.
    [TestCase("ASAP please, before the 2pm pickup")]
    [TestCase("urgent - within the next 30 minutes")]
    public void Urgency_with_only_a_deadline_is_naked_and_not_vague(string text)
    {
        var rules = RulesOn(text).ToList();
        Assert.That(rules, Does.Contain(RuleIds.MissingContext));
        Assert.That(rules, Does.Not.Contain(RuleIds.VagueUrgency));
    }

    [TestCase("ASAP please, the pickup label is wrong, before the 2pm pickup")]
    public void Urgency_with_a_deadline_and_a_topic_is_complete(string text) =>
        Assert.That(RulesOn(text), Does.Not.Contain(RuleIds.MissingContext));

    [TestCase("we need a new forklift driver, like, yesterday")]
    [TestCase("the boiler needs immediate attention")]
    [TestCase("can you give the leak immediate attention")]
    public void Vague_urgency_in_these_shapes_fires(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Contain(RuleIds.VagueUrgency));

    [TestCase("I saw the invoice, like, yesterday")]
    [TestCase("the alert got immediate attention from the on-call engineer")]
    [TestCase("chase the printer for Friday's launch as a priority")]
    [TestCase("please book the van for Monday's delivery asap")]
    public void Not_vague_urgency_when_it_describes_or_names_a_day(string text) =>
        Assert.That(RulesOn(text, ConversationKind.Channel), Does.Not.Contain(RuleIds.VagueUrgency));

    [Test]
    public void A_weekday_without_its_apostrophe_is_a_plural_not_a_deadline() =>
        Assert.That(RulesOn("book the room for mondays asap", ConversationKind.Channel), Does.Contain(RuleIds.VagueUrgency));

    private static IEnumerable<string> RulesOn(string text, ConversationKind kind = ConversationKind.Im) =>
        Engine.Evaluate(Message(text, kind, channel: kind == ConversationKind.Im ? "D1" : "C1"), Context(kind, kind == ConversationKind.Im ? "D1" : "C1")).Select(f => f.RuleId);
}
